export const es = {
} as const;

export const en: { [K in keyof typeof es]: string } = {
};
