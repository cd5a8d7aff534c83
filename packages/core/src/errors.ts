/**
 * A bug in agentc, never a problem with the user's input (that is a diagnostic). The CLI prints
 * it with its stack and asks for a report.
 */
export class InternalError extends Error {
  override readonly name = 'InternalError'
}
