import { Flex, Heading, Select, Text } from '@hubspot/ui-extensions';
import type { AuditResult } from '../contracts/audit.ts';
import type { ConfigureDraft, EditDraft } from './configure-draft.ts';

/** The select value for "no owner" (a Select cannot hold null). */
const UNASSIGNED = '';

interface OwnersSectionProps {
  audit: AuditResult;
  draft: ConfigureDraft;
  edit: EditDraft;
  problemAt: (path: string) => string | undefined;
}

/**
 * The default owner, and an owner for each source user the audit matched to no HubSpot owner. The
 * owners offered are the HubSpot owners the audit matched by e-mail.
 */
export function OwnersSection({ audit, draft, edit, problemAt }: OwnersSectionProps) {
  const owners = new Map<string, string>();
  for (const user of audit.users)
    if (user.hubspotOwnerId !== null) owners.set(user.hubspotOwnerId, user.hubspotOwnerName ?? user.hubspotOwnerId);
  const options = [...owners].map(([value, label]) => ({ label, value }));
  const unmatched = audit.users.filter((user) => user.hubspotOwnerId === null);
  const defaultProblem = problemAt('defaultOwnerId');
  return (
    <Flex direction="column" gap="sm">
      <Heading>Owners</Heading>
      <Select
        testId="default-owner"
        name="defaultOwnerId"
        label="Default owner"
        description="Owns records whose user has no HubSpot owner."
        options={[{ label: 'Leave unassigned', value: UNASSIGNED }, ...options]}
        value={draft.defaultOwnerId ?? UNASSIGNED}
        error={defaultProblem !== undefined}
        validationMessage={defaultProblem}
        onChange={(value) =>
          edit((current) => ({ ...current, defaultOwnerId: value === UNASSIGNED ? null : String(value) }))
        }
      />
      {unmatched.length > 0 && <Text>Users without a HubSpot owner:</Text>}
      {unmatched.map((user) => {
        const path = `ownerOverrides.${user.id}`;
        const problem = problemAt(path);
        return (
          <Select
            key={user.id}
            testId={`owner-override-${user.id}`}
            name={path}
            label={user.email === null ? user.name : `${user.name} (${user.email})`}
            options={[{ label: 'Use the default owner', value: UNASSIGNED }, ...options]}
            value={draft.ownerOverrides[user.id] ?? UNASSIGNED}
            error={problem !== undefined}
            validationMessage={problem}
            onChange={(value) =>
              edit((current) => {
                const { [user.id]: _previous, ...others } = current.ownerOverrides;
                return {
                  ...current,
                  ownerOverrides: value === UNASSIGNED ? others : { ...others, [user.id]: String(value) },
                };
              })
            }
          />
        );
      })}
    </Flex>
  );
}
