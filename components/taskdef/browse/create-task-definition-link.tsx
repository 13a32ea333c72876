"use client";

import Link from "next/link";
import { useCan } from "@/components/auth/permissions-context";
import { pagePaths } from "@/lib/query-keys";
import { PRIMARY_LINK } from "./link-styles";

/** Opens the editor on a blank task definition; offered only to someone who may register one. */
export function CreateTaskDefinitionLink() {
  if (!useCan("operate")) return null;
  return (
    <Link href={pagePaths.taskDefinitionEditor()} className={PRIMARY_LINK}>
      Create task definition
    </Link>
  );
}
