import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { imageWarnings } from "@/lib/taskdef/image-warnings";
import { MAX_CHANGE_NOTE_LENGTH } from "@/lib/taskdef/registration";
import type { DeployContext } from "@/lib/view-models/deploy-context";
import type { WizardForm } from "./wizard-form";

interface SourceStepProps {
  context: DeployContext;
  form: WizardForm;
  errors: Record<string, string>;
  onChange: (change: Partial<WizardForm>) => void;
}

/** Step 2: an existing revision, or the current one with new images (registered as a new revision, with a note). */
export function SourceStep({ context, form, errors, onChange }: SourceStepProps) {
  const choice = (value: WizardForm["source"], title: string, detail: string) => (
    <label className="flex cursor-pointer gap-3 rounded-lg border border-line bg-surface p-3 has-[:checked]:border-brand has-[:checked]:ring-1 has-[:checked]:ring-brand">
      <input type="radio" name="source" value={value} checked={form.source === value} onChange={() => onChange({ source: value })} className="mt-1" />
      <span>
        <span className="block font-medium">{title}</span>
        <span className="block text-sm text-ink-muted">{detail}</span>
      </span>
    </label>
  );
  return (
    <div className="space-y-5">
      <fieldset className="space-y-2">
        <legend className="mb-2 text-sm font-medium">Deploy</legend>
        <div className="grid gap-2 md:grid-cols-2">
          {choice("revision", "An existing revision", `Any ACTIVE revision of ${context.current.family}, the current one included (a redeploy).`)}
          {choice("new-images", "The current revision with new image tags", `Registers a new revision of ${context.current.family} from ${context.current.label} with the images you give, then deploys it.`)}
        </div>
        {errors.source && <p className="text-sm font-medium text-danger">{errors.source}</p>}
      </fieldset>
      {form.source === "revision" ? <RevisionPicker context={context} form={form} errors={errors} onChange={onChange} /> : <NewImages context={context} form={form} errors={errors} onChange={onChange} />}
    </div>
  );
}

function RevisionPicker({ context, form, errors, onChange }: SourceStepProps) {
  const { revisions, current } = context;
  if (!revisions.ok) {
    return (
      <Notice tone="danger" title="The revisions could not be listed">
        <p>{revisions.error.message} Deploy the current revision with new images instead, or try again later.</p>
      </Notice>
    );
  }
  return (
    <SelectField
      label="Revision"
      name="taskDefinition"
      value={form.revision}
      onChange={(event) => onChange({ revision: event.target.value })}
      hint={`Newest first; ${current.label} runs now.`}
      error={errors["source.taskDefinition"]}
    >
      {revisions.value.map((revision) => (
        <option key={revision.arn} value={revision.arn}>
          {revision.label}
          {revision.current ? " (current)" : ""}
        </option>
      ))}
    </SelectField>
  );
}

function NewImages({ form, errors, onChange }: SourceStepProps) {
  return (
    <div className="space-y-4">
      {Object.entries(form.images).map(([container, image]) => {
        const warnings = imageWarnings(image);
        return (
          <div key={container} className="space-y-1">
            <TextField
              label={`Image of ${container}`}
              name={`image-${container}`}
              value={image}
              spellCheck={false}
              autoCapitalize="off"
              onChange={(event) => onChange({ images: { ...form.images, [container]: event.target.value } })}
              hint={
                warnings.length > 0 ? (
                  <span className="font-medium text-warn">Warning: {warnings.join(" ")}</span>
                ) : (
                  "A unique tag or a digest, so every task runs the same image."
                )
              }
              error={errors[`source.images.${container}`]}
            />
          </div>
        );
      })}
      {errors["source.images"] && <p className="text-sm font-medium text-danger">{errors["source.images"]}</p>}
      <TextField
        label="Change note"
        name="changeNote"
        value={form.changeNote}
        maxLength={MAX_CHANGE_NOTE_LENGTH + 50}
        onChange={(event) => onChange({ changeNote: event.target.value })}
        hint={`What changed and why, kept as a tag on the new revision; at most ${MAX_CHANGE_NOTE_LENGTH} characters (${form.changeNote.length} now).`}
        error={errors["source.changeNote"]}
      />
    </div>
  );
}
