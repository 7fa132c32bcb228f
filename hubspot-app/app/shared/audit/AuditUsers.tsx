import { Flex, StatusTag, TableCell, TableRow, Text } from '@hubspot/ui-extensions';
import { DataTable } from '../components/DataTable.tsx';
import { TextCell } from '../components/TextCell.tsx';
import type { AuditResult } from '../contracts/audit.ts';

/** The source's users, and the HubSpot owner each one's records will get (matched by email). */
export function AuditUsers({ users, sourceName }: { users: AuditResult['users']; sourceName: string }) {
  if (users.length === 0) return <Text testId="no-users">{sourceName} has no users to match.</Text>;
  const matched = users.filter((user) => user.hubspotOwnerId !== null).length;
  return (
    <Flex direction="column" gap="sm">
      <Text testId="users-summary">{`${matched} of ${users.length} ${sourceName} users match a HubSpot owner by email.`}</Text>
      <DataTable testId="audit-users" headers={['Name', 'Email', 'Status', 'HubSpot owner']}>
        {users.map((user) => (
          <TableRow key={user.id} testId={`user-${user.id}`}>
            <TextCell>{user.name}</TextCell>
            <TextCell>{user.email ?? 'No email'}</TextCell>
            <TableCell>
              <StatusTag variant={user.active ? 'success' : 'default'} hollow={!user.active}>
                {user.active ? 'Active' : 'Inactive'}
              </StatusTag>
            </TableCell>
            <TableCell>
              {user.hubspotOwnerId === null ? (
                <StatusTag variant="warning">No matching owner</StatusTag>
              ) : (
                <Flex direction="column" gap="flush">
                  <StatusTag variant="success">Matching owner</StatusTag>
                  <Text variant="microcopy">{user.hubspotOwnerName ?? `Owner ID ${user.hubspotOwnerId}`}</Text>
                </Flex>
              )}
            </TableCell>
          </TableRow>
        ))}
      </DataTable>
    </Flex>
  );
}
