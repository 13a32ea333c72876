import { QueryCompatibleError } from "../../protocols/aws-error";

/**
 * CloudWatch's errors. CloudWatch moved from AWS Query to JSON and kept its Query error codes
 * (`awsQueryCompatible`): each error is sent as its shape's name and its Query code, which the
 * SDKs and the CLI report (e.g. "InvalidParameterValue").
 */
export class InvalidParameterValue extends QueryCompatibleError {
  constructor(message: string) {
    super("InvalidParameterValueException", "InvalidParameterValue", message);
  }
}

export class MissingParameter extends QueryCompatibleError {
  constructor(parameter: string) {
    super("MissingRequiredParameterException", "MissingParameter", `The parameter ${parameter} is required.`);
  }
}

export class InvalidParameterCombination extends QueryCompatibleError {
  constructor(message: string) {
    super("InvalidParameterCombinationException", "InvalidParameterCombination", message);
  }
}

export class InvalidNextToken extends QueryCompatibleError {
  constructor() {
    super("InvalidNextToken", "InvalidNextToken", "The service returned an invalid NextToken.");
  }
}

/** A value outside a member's constraints (an enum, a length), as the JSON front end words it. */
export class ValidationError extends QueryCompatibleError {
  constructor(message: string) {
    super("ValidationException", "ValidationError", `1 validation error detected: ${message}`);
  }
}

/** An alarm CloudWatch does not have (SetAlarmState, DeleteAlarms). */
export class ResourceNotFound extends QueryCompatibleError {
  constructor(message: string) {
    super("ResourceNotFound", "ResourceNotFound", message);
  }
}
