// Who you are in the Microsoft 365 Agents Playground, for each person of the demo.
// `aadObjectId` is the id the bot knows a Playground user by (it reads from.aadObjectId
// first). The worker has the ids of the Playground's built-in default user, so the demo works
// even without a Playground config file; .m365agentsplayground.yml and playground/*.yml use
// exactly these values.
export const PLAYGROUND_USERS = {
  worker: { id: 'user-id-0', aadObjectId: '00000000-0000-0000-0000-0000000000020', name: 'Lucía Martín' },
  supervisor: { id: 'user-id-1', aadObjectId: '00000000-0000-0000-0000-0000000000021', name: 'Marta Gil' },
  worker2: { id: 'user-id-2', aadObjectId: '00000000-0000-0000-0000-0000000000022', name: 'Pablo Ruiz' },
  client: { id: 'user-id-3', aadObjectId: '00000000-0000-0000-0000-0000000000023', name: 'Carmen R.' },
  newClient: { id: 'user-id-4', aadObjectId: '00000000-0000-0000-0000-0000000000024', name: 'Youssef B.' },
  admin: { id: 'user-id-5', aadObjectId: '00000000-0000-0000-0000-0000000000025', name: 'Elena Navarro' },
} as const;
