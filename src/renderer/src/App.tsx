import type { LeadSummary } from '@shared/domain/lead';
import { useEffect, useState } from 'react';
import { invoke } from './api/client';

export const App = () => {
  const [leads, setLeads] = useState<LeadSummary[]>([]);
  useEffect(() => {
    void invoke('leads.list', {}).then(setLeads);
  }, []);
  return (
    <main>
      <h1>Dialdeck</h1>
      <ul>
        {leads.map((lead) => (
          <li key={lead.id}>{lead.name}</li>
        ))}
      </ul>
    </main>
  );
};
