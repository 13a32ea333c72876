import { runStack } from "./stack";

/** `npm start`: local ECS and the dashboard's production build (built first when the sources are newer). */
runStack("npm start", "start");
