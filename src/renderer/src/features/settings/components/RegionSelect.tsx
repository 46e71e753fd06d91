import { getCountries } from 'libphonenumber-js/min';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { regionName } from '../../../i18n/format';
import { Select } from '../../../ui/Select';

type RegionSelectProps = {
  value: string;
  onValueChange: (region: string) => void;
  label: string;
  id?: string;
};

/** Countries that have phone numbering plans, by name in the interface language. */
export const RegionSelect = ({ value, onValueChange, label, id }: RegionSelectProps) => {
  const { i18n } = useTranslation();
  const language = i18n.language;
  const items = useMemo(() => {
    const collator = new Intl.Collator(language);
    return getCountries()
      .map((code) => ({ code, name: regionName(code) }))
      .sort((a, b) => collator.compare(a.name, b.name))
      .map(({ code, name }) => ({ value: code as string, label: name, textValue: name, hint: code }));
    // The names follow the interface language.
  }, [language]);
  return <Select id={id} value={value} onValueChange={onValueChange} items={items} label={label} />;
};
