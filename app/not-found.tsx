import type { Metadata } from "next";
import { NothingHere } from "@/components/ui/nothing-here";

export const metadata: Metadata = { title: "Not found" };

export default function NotFound() {
  return <NothingHere />;
}
