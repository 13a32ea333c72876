import { randomBytes, randomInt } from "node:crypto";

/** Identifier shapes as ECS prints them. */
export function newTaskId(): string {
  return randomBytes(16).toString("hex");
}

/** `ecs-svc/` and 19 digits, as in Service.deployments[].id. */
export function newDeploymentId(): string {
  let digits = String(randomInt(1, 10));
  while (digits.length < 19) digits += String(randomInt(0, 10));
  return `ecs-svc/${digits}`;
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

function randomToken(length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(0, ALPHABET.length)];
  return out;
}

/** Service deployment ids look like `NCWGC2ZR-taawPAYrIaU5`. */
export function newServiceDeploymentId(): string {
  return `${randomToken(8)}-${randomToken(12)}`;
}

/** Service revision ids are long decimal numbers. */
export function newServiceRevisionId(): string {
  let digits = String(randomInt(1, 10));
  while (digits.length < 19) digits += String(randomInt(0, 10));
  return digits;
}

export function newPauseHookId(): string {
  return `ecs-pause-${randomToken(16)}`;
}

