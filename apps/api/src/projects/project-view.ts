import type { Project, ProjectSummary } from '@botsmith/db';

/**
 * A project as the API shows it: never its sealed webhook secret, only whether a webhook is
 * connected.
 */
export function projectView(project: Project | ProjectSummary) {
  return {
    id: project.id,
    name: project.name,
    status: project.status,
    config: project.config,
    configSchemaVersion: project.configSchemaVersion,
    repoFullName: project.repoFullName,
    repoId: project.repoId,
    defaultBranch: project.defaultBranch,
    webhookId: project.webhookId,
    webhookConnected: project.webhookId !== null,
    latestDeployment:
      'latestDeploymentStatus' in project && project.latestDeploymentStatus
        ? { status: project.latestDeploymentStatus, at: project.latestDeploymentAt }
        : null,
    createdAt: project.createdAt,
    updatedAt: project.updatedAt,
  };
}

export type ProjectView = ReturnType<typeof projectView>;
