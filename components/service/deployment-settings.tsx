import type { DeploymentControllerType } from "@aws-sdk/client-ecs";
import { deploymentSettingRows } from "@/lib/deployment-text";
import type { DeploymentSettings } from "@/lib/view-models/service-detail";
import { Section } from "./section";

/** How the service deploys, as ECS holds it, a setting a row. */
export function DeploymentSettingsSection({ settings, controller }: { settings: DeploymentSettings; controller: DeploymentControllerType }) {
  const rows = deploymentSettingRows(settings.configuration, controller);
  return (
    <Section title="Deployment configuration">
      <dl className="grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        {rows.map((row, index) => (
          <div key={`${row.term}-${index}`} className="contents">
            <dt className="text-ink-muted">{row.term}</dt>
            <dd className="mb-1 [overflow-wrap:anywhere] sm:mb-0">{row.detail}</dd>
          </div>
        ))}
      </dl>
      {controller !== "ECS" && (
        <p className="text-sm text-ink-muted">
          {controller === "CODE_DEPLOY" ? "CodeDeploy" : "An external controller"} runs this service&rsquo;s deployments, outside ECS&rsquo;s own strategies.
        </p>
      )}
    </Section>
  );
}
