import type {Emulator} from './emulator.js';

/**
 * The start-up lines both `npm run emulator` and `npm start` print about the organization: who can sign in, the
 * admin's user id (API-to-API calls name it in the `user-id` header), and the seeded clients with what the curl
 * walkthrough in docs/emulator.md needs. `indent` is prepended to every line.
 */
export function organizationLines(emulator: Emulator, indent = '  '): string[] {
  const {admin, member} = emulator.users;
  const {script, extension} = emulator.clients;
  const has = (clientId: string) => emulator.data.connections.some((c) => c.ClientId === clientId && c.IsActive);
  const lines = [
    `Sign in as admin          ${admin.username} / ${admin.password}`,
    `  user-id                 ${admin.id}`,
  ];
  if (member) lines.push(`Sign in without admin     ${member.username} / ${member.password}`);
  if (has(script.clientId)) {
    lines.push(
      'Script client (API-to-API, for curl: docs/emulator.md)',
      `  client_id               ${script.clientId}`,
      `  client_secret           ${script.clientSecret}`,
    );
  } else {
    lines.push("Script client             none in this organization; use an API-to-API connection's own secret");
  }
  if (has(extension.clientId)) lines.push(`Extension client          ${extension.clientId}`);
  return lines.map((line) => indent + line);
}
