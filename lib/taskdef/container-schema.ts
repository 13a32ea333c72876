import { z } from "zod";
import { MASK } from "@/lib/secrets/mask";

/**
 * The zod shape of one container definition, with ECS's per-field limits. Members the editor
 * does not edit pass through untouched, so an imported taskdef.json keeps them.
 */
export const NAME_PATTERN = /^[A-Za-z0-9_-]+$/;
export const LOG_DRIVERS = ["awsfirelens", "awslogs", "fluentd", "gelf", "journald", "json-file", "splunk", "syslog"] as const;
/** Docker's smallest memory limit, which ECS documents as the floor for a container. */
export const MIN_CONTAINER_MEMORY_MIB = 6;
export const MAX_CONTAINERS = 10;

export const nameField = (what: string) =>
  z
    .string()
    .min(1, `${what} is required.`)
    .max(255, `${what} must be at most 255 characters.`)
    .regex(NAME_PATTERN, `${what} may contain only letters, digits, _ and -.`);

const integerIn = (min: number, max: number, what: string) =>
  z
    .number(`${what} must be a whole number.`)
    .int(`${what} must be a whole number.`)
    .min(min, `${what} must be between ${min} and ${max}.`)
    .max(max, `${what} must be between ${min} and ${max}.`);

const memoryMib = (what: string) =>
  z
    .number(`${what} must be a whole number of MiB.`)
    .int(`${what} must be a whole number of MiB.`)
    .min(MIN_CONTAINER_MEMORY_MIB, `${what} must be at least ${MIN_CONTAINER_MEMORY_MIB} MiB.`);

export const portMapping = z.looseObject({
  containerPort: integerIn(1, 65535, "Container port").optional(),
  hostPort: integerIn(0, 65535, "Host port").optional(),
  protocol: z.enum(["tcp", "udp"], "Protocol must be tcp or udp.").optional(),
  name: z.string().trim().min(1, "A port mapping name cannot be blank.").optional(),
  appProtocol: z.enum(["http", "http2", "grpc"], "App protocol must be http, http2 or grpc.").optional(),
  containerPortRange: z.string().optional(),
});

const environmentVariable = z.object({
  name: z.string().min(1, "A variable needs a name."),
  value: z.string().optional(),
});

/** Secrets Manager or SSM ARNs, or the name of an SSM parameter in the task's Region. */
const SECRET_SOURCE = /^(arn:aws[a-z-]*:(secretsmanager|ssm):\S+|\/?[A-Za-z0-9_.\-/]+)$/;

const secret = z.object({
  name: z.string().min(1, "A secret needs a name."),
  valueFrom: z
    .string("A secret needs valueFrom.")
    .min(1, "A secret needs valueFrom.")
    .max(2048, "valueFrom must be at most 2048 characters.")
    // A source hidden from the editor's user is restored from the revision it came from.
    .refine((value) => value === MASK || SECRET_SOURCE.test(value), "valueFrom must be a Secrets Manager or SSM parameter ARN, or an SSM parameter name."),
});

const healthCheck = z.looseObject({
  command: z
    .array(z.string())
    .min(1, "A health check needs a command.")
    .refine((command) => command[0] === "CMD" || command[0] === "CMD-SHELL", "The command must start with CMD or CMD-SHELL.")
    .refine((command) => command.slice(1).some((arg) => arg.trim() !== ""), "Give the command to run after CMD or CMD-SHELL."),
  interval: integerIn(5, 300, "Interval").optional(),
  timeout: integerIn(2, 60, "Timeout").optional(),
  retries: integerIn(1, 10, "Retries").optional(),
  startPeriod: integerIn(0, 300, "Start period").optional(),
});

const logConfiguration = z.looseObject({
  logDriver: z.enum(LOG_DRIVERS, `Log driver must be one of ${LOG_DRIVERS.join(", ")}.`),
  options: z.record(z.string(), z.string("Option values must be strings.")).optional(),
});

export const containerDefinition = z.looseObject({
  name: nameField("Container name"),
  image: z
    .string("Image is required.")
    .min(1, "Image is required.")
    .max(255, "Image must be at most 255 characters.")
    .regex(/^\S+$/, "Image cannot contain spaces."),
  essential: z.boolean().optional(),
  cpu: z.number().int("CPU units must be a whole number.").min(0, "CPU units cannot be negative.").optional(),
  memory: memoryMib("Memory").optional(),
  memoryReservation: memoryMib("Memory reservation").optional(),
  portMappings: z.array(portMapping).optional(),
  environment: z.array(environmentVariable).optional(),
  secrets: z.array(secret).optional(),
  command: z.array(z.string()).optional(),
  entryPoint: z.array(z.string()).optional(),
  healthCheck: healthCheck.optional(),
  logConfiguration: logConfiguration.optional(),
});

export type ContainerInput = z.infer<typeof containerDefinition>;
