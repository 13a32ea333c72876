import { AwsError } from "../../protocols/aws-error";

/** One class per ECS error code, carrying ECS's own wording where it is known. */
export class ClientException extends AwsError {
  constructor(message: string) {
    super("ClientException", message);
  }
}

export class InvalidParameterException extends AwsError {
  constructor(message: string) {
    super("InvalidParameterException", message);
  }
}

export class ClusterNotFoundException extends AwsError {
  constructor(message = "Cluster not found.") {
    super("ClusterNotFoundException", message);
  }
}

export class ClusterContainsServicesException extends AwsError {
  constructor(message = "The Cluster cannot be deleted while Services are active.") {
    super("ClusterContainsServicesException", message);
  }
}

export class ClusterContainsTasksException extends AwsError {
  constructor(message = "The Cluster cannot be deleted while Tasks are active.") {
    super("ClusterContainsTasksException", message);
  }
}

export class ServiceNotFoundException extends AwsError {
  constructor(message = "Service not found.") {
    super("ServiceNotFoundException", message);
  }
}

export class ServiceNotActiveException extends AwsError {
  constructor(message = "Service was not ACTIVE.") {
    super("ServiceNotActiveException", message);
  }
}

export class ServiceDeploymentNotFoundException extends AwsError {
  constructor(message = "The service deployment does not exist.") {
    super("ServiceDeploymentNotFoundException", message);
  }
}

export class ResourceNotFoundException extends AwsError {
  constructor(message = "The specified resource could not be found.") {
    super("ResourceNotFoundException", message);
  }
}

export class ResourceInUseException extends AwsError {
  constructor(message: string) {
    super("ResourceInUseException", message);
  }
}

export class UnsupportedFeatureException extends AwsError {
  constructor(message: string) {
    super("UnsupportedFeatureException", message);
  }
}

export class ConflictException extends AwsError {
  constructor(message: string) {
    super("ConflictException", message);
  }
}

export class ServerException extends AwsError {
  constructor(message = "Service unavailable. Try again later.") {
    super("ServerException", message, 500);
  }
}
