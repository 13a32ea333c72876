import type { ContainerDefinition } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import type { Registration } from "@/lib/taskdef/registration";
import { MASK } from "./mask";
import { maskRegistration, maskRegistrationPair, restoreMaskedValues } from "./mask-registration";

const DB_SECRET = "arn:aws:secretsmanager:us-east-1:000000000000:secret:shop/db-password-AbCdEf";
const API_KEY = "arn:aws:ssm:us-east-1:000000000000:parameter/shop/api-key";

function shop(edit: (app: ContainerDefinition, proxy: ContainerDefinition) => void = () => {}): Registration {
  const app: ContainerDefinition = {
    name: "app",
    image: "public.ecr.aws/slipway/shop:3.0.0",
    environment: [
      { name: "LOG_LEVEL", value: "info" },
      { name: "SESSION_SECRET", value: "s3ss10n-v4lue" },
      { name: "DATABASE_URL", value: "postgres://shop:hunter2@db.internal:5432/shop" },
    ],
    secrets: [
      { name: "DB_PASSWORD", valueFrom: DB_SECRET },
      { name: "API_KEY", valueFrom: API_KEY },
    ],
  };
  const proxy: ContainerDefinition = { name: "proxy", image: "public.ecr.aws/nginx/nginx:1.27", environment: [{ name: "UPSTREAM", value: "localhost:8080" }] };
  edit(app, proxy);
  return { family: "shop", containerDefinitions: [app, proxy] };
}

const maskedShopApp: ContainerDefinition = {
  name: "app",
  image: "public.ecr.aws/slipway/shop:3.0.0",
  environment: [
    { name: "LOG_LEVEL", value: "info" },
    { name: "SESSION_SECRET", value: MASK },
    { name: "DATABASE_URL", value: `postgres://shop:${MASK}@db.internal:5432/shop` },
  ],
  secrets: [
    { name: "DB_PASSWORD", valueFrom: MASK },
    { name: "API_KEY", valueFrom: MASK },
  ],
};

function environmentOf(registration: Registration, container = 0): Record<string, string | undefined> {
  return Object.fromEntries((registration.containerDefinitions![container]!.environment ?? []).map((entry) => [entry.name, entry.value]));
}

function secretsOf(registration: Registration, container = 0): Record<string, string | undefined> {
  return Object.fromEntries((registration.containerDefinitions![container]!.secrets ?? []).map((entry) => [entry.name, entry.valueFrom]));
}

describe("maskRegistration", () => {
  it("hides secret-looking values, URL passwords and where secrets come from, and nothing else", () => {
    const masked = maskRegistration(shop(), false);
    expect(masked.containerDefinitions).toEqual([maskedShopApp, shop().containerDefinitions![1]]);
    const text = JSON.stringify(masked);
    for (const hidden of ["s3ss10n-v4lue", "hunter2", DB_SECRET, API_KEY]) expect(text).not.toContain(hidden);
  });

  it("shows everything to those who may see secrets, and leaves the original alone", () => {
    const original = shop();
    expect(maskRegistration(original, true)).toEqual(shop());
    maskRegistration(original, false);
    expect(original).toEqual(shop());
  });

  it("adds no empty members to containers without environment or secrets", () => {
    const masked = maskRegistration({ family: "bare", containerDefinitions: [{ name: "app", image: "app:1" }] }, false);
    expect(masked.containerDefinitions).toEqual([{ name: "app", image: "app:1" }]);
  });
});

describe("maskRegistrationPair", () => {
  it("masks each side on its own, so a changed hidden value reads as it did", () => {
    const newer = shop((app) => {
      app.environment![1]!.value = "n3w-s3ss10n";
      app.environment![2]!.value = "postgres://shop:correct-horse@db.internal:5432/shop";
      app.secrets![0]!.valueFrom = `${DB_SECRET}:password::`;
    });
    const [older, masked] = maskRegistrationPair(shop(), newer, false);
    expect(older).toEqual(maskRegistration(shop(), false));
    expect(masked).toEqual(maskRegistration(shop(), false));
    expect(JSON.stringify(masked)).not.toContain("n3w-s3ss10n");
  });

  it("gives the same pair whether a guess typed over a mask was right or wrong", () => {
    const guess = (value: string) => maskRegistrationPair(shop(), shop((app) => (app.environment![1]!.value = value)), false);
    expect(guess("s3ss10n-v4lue")).toEqual(guess("wrong-guess"));
  });

  it("shows a changed host as itself, with the URL's password hidden on both sides", () => {
    const host = shop((app) => (app.environment![2]!.value = "postgres://shop:hunter2@db2.internal:5432/shop"));
    expect(environmentOf(maskRegistrationPair(shop(), host, false)[1]).DATABASE_URL).toBe(`postgres://shop:${MASK}@db2.internal:5432/shop`);
  });

  it("gives both sides unmasked to those who may see secrets", () => {
    const newer = shop((app) => (app.environment![1]!.value = "n3w-s3ss10n"));
    expect(maskRegistrationPair(shop(), newer, true)).toEqual([shop(), newer]);
  });
});

describe("restoreMaskedValues", () => {
  const original = shop();
  const masked = maskRegistration(original, false);

  it("puts back every value left masked in the same container under the same name", () => {
    expect(restoreMaskedValues(masked, original)).toEqual({ registration: original, unresolved: [] });
  });

  it("finds them by name when containers and entries were reordered", () => {
    const draft = structuredClone(masked);
    draft.containerDefinitions!.reverse();
    draft.containerDefinitions![1]!.environment!.reverse();
    const { registration, unresolved } = restoreMaskedValues(draft, original);
    expect(unresolved).toEqual([]);
    expect(environmentOf(registration, 1)).toEqual(environmentOf(original));
    expect(secretsOf(registration, 1)).toEqual(secretsOf(original));
  });

  it("keeps a value the person typed over the mask", () => {
    const draft = structuredClone(masked);
    draft.containerDefinitions![0]!.environment![1]!.value = "typed-by-hand";
    draft.containerDefinitions![0]!.secrets![1]!.valueFrom = "/shop/new-api-key";
    const { registration, unresolved } = restoreMaskedValues(draft, original);
    expect(unresolved).toEqual([]);
    expect(environmentOf(registration)).toMatchObject({ SESSION_SECRET: "typed-by-hand", DATABASE_URL: "postgres://shop:hunter2@db.internal:5432/shop" });
    expect(secretsOf(registration)).toEqual({ DB_PASSWORD: DB_SECRET, API_KEY: "/shop/new-api-key" });
  });

  it("leaves unresolved, by field path, what was renamed, moved to another container or added", () => {
    const draft = structuredClone(masked);
    const [app, proxy] = draft.containerDefinitions!;
    app!.environment![1]!.name = "SESSION_SECRET_V2";
    proxy!.secrets = [{ name: "DB_PASSWORD", valueFrom: MASK }];
    draft.containerDefinitions!.push({ ...structuredClone(app!), name: "app-copy" });
    const { registration, unresolved } = restoreMaskedValues(draft, original);
    expect(unresolved).toEqual([
      "containerDefinitions.0.environment.1.value",
      "containerDefinitions.1.secrets.0.valueFrom",
      "containerDefinitions.2.environment.1.value",
      "containerDefinitions.2.environment.2.value",
      "containerDefinitions.2.secrets.0.valueFrom",
      "containerDefinitions.2.secrets.1.valueFrom",
    ]);
    expect(environmentOf(registration).DATABASE_URL).toBe("postgres://shop:hunter2@db.internal:5432/shop");
    expect(registration.containerDefinitions![0]!.environment![1]!.value).toBe(MASK);
  });

  it("does not put back a password into a URL whose visible part was edited", () => {
    const draft = structuredClone(masked);
    draft.containerDefinitions![0]!.environment![2]!.value = `postgres://shop:${MASK}@db2.internal:5432/shop`;
    expect(restoreMaskedValues(draft, original).unresolved).toEqual(["containerDefinitions.0.environment.2.value"]);
  });

  it("leaves everything masked unresolved when there is no revision to restore from", () => {
    expect(restoreMaskedValues(masked, undefined).unresolved).toHaveLength(4);
  });

  it("adds no empty members to containers without environment or secrets", () => {
    const { registration } = restoreMaskedValues({ family: "bare", containerDefinitions: [{ name: "app", image: "app:1" }] }, undefined);
    expect(registration.containerDefinitions).toEqual([{ name: "app", image: "app:1" }]);
  });
});
