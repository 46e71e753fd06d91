import { v7 } from 'uuid';

/** Row ids are UUIDv7, made where the row is born: unique everywhere, and sorted by birth time. */
export const newId = (): string => v7();
