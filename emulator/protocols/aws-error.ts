/**
 * An error that reaches the client as an AWS error body. Services throw these; the protocol
 * codecs turn them into the wire format in one place.
 */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly statusCode: number = 400,
  ) {
    super(message);
    this.name = code;
  }

  /** AWS Query protocol's <Type>: who is at fault. */
  get fault(): "Sender" | "Receiver" {
    return this.statusCode >= 500 ? "Receiver" : "Sender";
  }
}

/** The standard answer for an operation the emulator does not implement. */
export class UnknownOperationError extends AwsError {
  constructor(serviceName: string, operation: string) {
    super(
      "UnknownOperationException",
      `Local ECS does not implement ${serviceName} operation ${operation}.`,
      400,
    );
  }
}

export class ThrottlingError extends AwsError {
  constructor() {
    super("ThrottlingException", "Rate exceeded", 400);
  }
}

export class InternalFailure extends AwsError {
  constructor(message = "An internal error occurred.") {
    super("InternalFailure", message, 500);
  }
}

export class SerializationError extends AwsError {
  constructor(message: string) {
    super("SerializationException", message, 400);
  }
}

/**
 * An error of a JSON service that keeps the error codes it had under the AWS Query protocol
 * (`awsQueryCompatible`, e.g. CloudWatch): `code` is the error shape's name, sent as `__type`;
 * `queryCode` is the Query code, sent in the `x-amzn-query-error` header, which SDKs prefer.
 */
export class QueryCompatibleError extends AwsError {
  constructor(
    code: string,
    readonly queryCode: string,
    message: string,
    statusCode = 400,
  ) {
    super(code, message, statusCode);
  }
}
