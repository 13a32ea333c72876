import { DescribeTaskDefinitionCommand, RegisterTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import { expect, test } from "./fixtures";
import { taskDefinitionFor, WEB } from "../emulator/seed/apps";
import { ComparePage } from "./pages/compare-page";
import { EditorPage } from "./pages/editor-page";
import { TaskDefinitionPages } from "./pages/task-definition-pages";
import { localEcs, scratchName } from "./scratch";

/**
 * Issue 6's journey by clicks alone, on a family of the test's own: from a revision to the
 * editor, an image tag changed in the form and seen in the JSON, registered, listed, and
 * compared with the revision it came from — which shows that one change and nothing else.
 */
test("a new revision with a new image tag: form, JSON, register, listed, and a diff of exactly that change", async ({ page }, testInfo) => {
  const family = scratchName("td-journey", testInfo);
  await localEcs().send(new RegisterTaskDefinitionCommand({ ...taskDefinitionFor(WEB, "1.4.2", "us-east-1"), family }));
  const pages = new TaskDefinitionPages(page);
  const editor = new EditorPage(page);
  const compare = new ComparePage(page);

  await pages.openFamilies();
  await pages.search.fill(family);
  await pages.familyLink(family).click();
  await pages.revisionLinks.first().click();
  await expect(pages.heading).toHaveText(`${family}:1`);
  await pages.link("New revision from this one").click();
  await expect(editor.heading).toHaveText(`New revision of ${family}`);

  await editor.showForm();
  const image = editor.field("Image", editor.container(1));
  await image.fill("public.ecr.aws/slipway/web:1.4.3");
  await editor.showJson();
  await expect(editor.json).toContainText('"image": "public.ecr.aws/slipway/web:1.4.3"');
  await editor.changeNote.fill("Fix: price rounding, again");
  await editor.registerButton.click();

  await expect(pages.heading).toHaveText(`${family}:2`);
  await expect(page.getByRole("status").filter({ hasText: `Registered ${family}:2` })).toBeVisible();
  await expect(pages.detail("Change note")).toHaveText("Fix: price rounding, again");

  await pages.breadcrumb.getByRole("link", { name: family }).click();
  await expect(pages.revisionLinks).toHaveText([`${family}:2`, `${family}:1`]);
  await pages.revisionRow(`${family}:2`).getByRole("link", { name: `Compare ${family}:2 with ${family}:1` }).click();

  await expect(compare.changesHeading).toHaveText("1 change");
  await expect(compare.changes).toHaveCount(1);
  await expect(compare.changes.first()).toContainText("Container web › image");
  await expect(compare.changes.first()).toContainText("public.ecr.aws/slipway/web:1.4.2");
  await expect(compare.changes.first()).toContainText("public.ecr.aws/slipway/web:1.4.3");

  // What local ECS registered agrees: the same definition with the one image changed.
  const [before, after] = await Promise.all(
    [1, 2].map(async (revision) => (await localEcs().send(new DescribeTaskDefinitionCommand({ taskDefinition: `${family}:${revision}` }))).taskDefinition!),
  );
  expect({ ...after.containerDefinitions![0], image: undefined }).toEqual({ ...before.containerDefinitions![0], image: undefined });
});
