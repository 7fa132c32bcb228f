import { Checkbox, Flex, Heading, Toggle } from '@hubspot/ui-extensions';
import type { ConfigureDraft, EditDraft } from './configure-draft.ts';
import { FieldProblem } from './FieldProblem.tsx';
import { SECONDARY_EMAILS_COST } from './other-emails.ts';

type Option = 'automaticSync' | 'inviteMissingUsers' | 'matchCompaniesByDomain' | 'addSecondaryEmails';

const OPT_INS: { key: Exclude<Option, 'automaticSync'>; label: string; description: string }[] = [
  {
    key: 'inviteMissingUsers',
    label: 'Invite missing HubSpot users',
    description: 'Sends an invitation to each user without a HubSpot owner (may use paid seats).',
  },
  {
    key: 'matchCompaniesByDomain',
    label: 'Match existing companies by domain',
    description: 'A HubSpot company with the same domain is updated instead of a new one created.',
  },
  {
    key: 'addSecondaryEmails',
    label: 'Add other e-mail addresses as HubSpot secondary e-mails',
    description: SECONDARY_EMAILS_COST,
  },
];

/** The automatic sync toggle and the opt-ins. */
export function SyncOptionsSection({
  draft,
  edit,
  problemAt,
}: {
  draft: ConfigureDraft;
  edit: EditDraft;
  problemAt: (path: string) => string | undefined;
}) {
  const set = (key: Option, value: boolean) => edit((current) => ({ ...current, [key]: value }));
  return (
    <Flex direction="column" gap="sm">
      <Heading>Sync</Heading>
      <Toggle
        testId="automatic-sync"
        name="automaticSync"
        label="Start the sync automatically when setup completes"
        labelDisplay="inline"
        checked={draft.automaticSync}
        onChange={(checked: boolean) => set('automaticSync', checked)}
      />
      <FieldProblem path="automaticSync" message={problemAt('automaticSync')} />
      {OPT_INS.map((option) => (
        <Flex key={option.key} direction="column" gap="flush">
          <Checkbox
            testId={`opt-in-${option.key}`}
            name={option.key}
            checked={draft[option.key]}
            description={option.description}
            onChange={(checked: boolean) => set(option.key, checked)}
          >
            {option.label}
          </Checkbox>
          <FieldProblem path={option.key} message={problemAt(option.key)} />
        </Flex>
      ))}
    </Flex>
  );
}
