// The one error type that carries what the HTTP edge answers (code, status, a message safe to
// show). Free of Next.js so that the pipeline and the command line can throw it too.
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}
