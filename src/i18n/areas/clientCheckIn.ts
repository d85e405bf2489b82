// Client check-in messages: plain, warm, short sentences (lectura fácil).
export const es = {
} as const;

export const en: { [K in keyof typeof es]: string } = {
};
