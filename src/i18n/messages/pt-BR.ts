import { en, type MessageKey } from './en.js';
export const ptBR: Record<MessageKey, string> = { ...en };
