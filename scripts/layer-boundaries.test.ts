import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { boundaryViolations, repositorySources } from "./layer-boundaries";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

describe("layer boundaries", () => {
  it("hold across the repository", () => {
    const sources = repositorySources(ROOT);
    expect(sources.length).toBeGreaterThan(500);
    expect(boundaryViolations(sources)).toEqual([]);
  });

  it("catch each kind of import that crosses a floor, so a commit that adds one fails", () => {
    const violations = boundaryViolations([
      { path: "emulator/engine/anything.ts", text: 'import { can } from "../../lib/auth/permissions";' },
      { path: "emulator/test/some.test.ts", text: 'import { sharedAuditLog } from "@/server/audit/audit-log";' },
      { path: "lib/view-models/anything.ts", text: 'import { readFileSync } from "node:fs";\nimport type { Actor } from "@/server/auth/session";\nimport "server-only";' },
      { path: "components/deploy/anything.tsx", text: 'import type {\n  DeployContext,\n} from "@/server/ecs/deploy-context";\nimport { scaleService } from "@/server/actions/scale-service";' },
      { path: "server/ecs/anything.ts", text: 'import { Button } from "@/components/ui/button";\nconst later = import("../../app/page");' },
      { path: "app/page.tsx", text: 'export { startLocalEcs } from "@/emulator/local-ecs";' },
      { path: "lib/ecs-rules/fargate-sizes.ts", text: 'import { formatCount } from "../format";' },
      // What is allowed: tests reaching across (but local ECS's), lib inside lib, actions from components.
      { path: "server/actions/every-action.test.ts", text: 'import { EVERY_ACTION } from "@/components/actions/every-action";' },
      { path: "lib/taskdef/diff.ts", text: 'import { maskRegistration } from "../secrets/mask-registration";\nimport { randomUUID } from "node:crypto";' },
      { path: "emulator/services/ecs/task-definition-validation.ts", text: 'import { FARGATE_SIZES } from "../../../lib/ecs-rules/fargate-sizes";' },
    ]);
    expect(violations.map(({ file, imports }) => `${file} → ${imports}`)).toEqual([
      "emulator/engine/anything.ts → ../../lib/auth/permissions",
      "emulator/test/some.test.ts → @/server/audit/audit-log",
      "lib/view-models/anything.ts → node:fs",
      "lib/view-models/anything.ts → @/server/auth/session",
      "lib/view-models/anything.ts → server-only",
      "components/deploy/anything.tsx → @/server/ecs/deploy-context",
      "server/ecs/anything.ts → @/components/ui/button",
      "server/ecs/anything.ts → ../../app/page",
      "app/page.tsx → @/emulator/local-ecs",
      "lib/ecs-rules/fargate-sizes.ts → ../format",
    ]);
    expect(violations.find((violation) => violation.file.startsWith("components/"))?.rule).toBe("components/ reach server/ only through server actions; shared types live in lib/");
  });
});
