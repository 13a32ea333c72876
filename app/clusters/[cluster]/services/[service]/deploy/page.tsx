import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeployFrame } from "@/components/deploy/deploy-frame";
import { FailureDetails } from "@/components/ui/failure-details";
import { Notice } from "@/components/ui/notice";
import { decodeSegment } from "@/lib/url-segment";
import { missing, readDeployPage } from "@/server/pages/page-reads";
import { DeployClient } from "./deploy-client";

interface DeployPageProps {
  params: Promise<{ cluster: string; service: string }>;
}

async function names(params: DeployPageProps["params"]) {
  const { cluster, service } = await params;
  return { cluster: decodeSegment(cluster), service: decodeSegment(service) };
}

export async function generateMetadata({ params }: DeployPageProps): Promise<Metadata> {
  const { cluster, service } = await names(params);
  return { title: `Deploy ${service} · ${cluster}` };
}

/**
 * The deploy wizard's shell: who may deploy is decided here, before anything is read, and the
 * service, its revisions and the strategies it can use are read once; the steps run in the browser.
 */
export default async function DeployPage({ params }: DeployPageProps) {
  const { cluster, service } = await names(params);
  const { refusal, context } = await readDeployPage(cluster, service);
  if (refusal) {
    return (
      <DeployFrame cluster={cluster} service={service}>
        <Notice tone="warn" title="You cannot deploy this service">
          <p>{refusal.message} Deploying needs the deployer role; ask an administrator, or look at the service instead.</p>
        </Notice>
      </DeployFrame>
    );
  }
  if (missing(context)) notFound();
  if (!context.ok) {
    return (
      <DeployFrame cluster={cluster} service={service}>
        <Notice tone="danger" title="The service could not be read, so nothing can be deployed yet">
          <FailureDetails failure={context.error} />
        </Notice>
      </DeployFrame>
    );
  }
  return (
    <DeployFrame cluster={cluster} service={service}>
      <DeployClient cluster={cluster} serviceName={service} context={context.value} />
    </DeployFrame>
  );
}
