import { launchFromCommandLine } from "../emulator/main";

/**
 * `npm start`: local ECS, seeded with the demo account on first start, in real time, with
 * synthetic traffic through its load balancers so that rollouts have requests to split.
 * Takes the same flags as `npm run emulator`. The dashboard joins it in a later release.
 */
const SYNTHETIC_REQUESTS_PER_SECOND = 5;
const argv = process.argv.slice(2);

if (argv.includes("--aws")) {
  console.error(
    "npm start: --aws (the dashboard against real AWS) is not available yet; it arrives with the dashboard. " +
      "For now, npm start runs local ECS only.",
  );
  process.exit(2);
}

launchFromCommandLine({
  program: "npm start --",
  argv,
  defaults: { syntheticTraffic: SYNTHETIC_REQUESTS_PER_SECOND },
  notes: (endpoint, region) => [
    "",
    "The Slipway dashboard arrives in a later release: for now npm start runs local ECS alone,",
    "for the AWS CLI and SDKs. Try:",
    `  AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=${region} \\`,
    `    aws --endpoint-url ${endpoint} ecs describe-services --cluster demo --services web api worker`,
  ],
}).catch((error: unknown) => {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
