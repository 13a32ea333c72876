import { runStack } from "./stack";

/** `npm run dev`: local ECS and the dashboard in development mode (`next dev`), which rebuilds as files change. */
runStack("npm run dev", "dev");
