import { Flex, TableCell, TableRow, Text } from '@hubspot/ui-extensions';
import { DataTable } from '../components/DataTable.tsx';
import { TextCell } from '../components/TextCell.tsx';
import type { SetupReview } from '../contracts/setup.ts';
import { formatCount } from '../format.ts';

/** Per HubSpot object, what setup will do, with the reasons of what it skips or can't create. */
export function ReviewObjectsTable({ review }: { review: SetupReview }) {
  return (
    <DataTable testId="review-objects" headers={['Object', 'Create', 'Reuse', 'Skip', "Can't create", 'Notes']}>
      {review.objects.map(({ object, totals, items }) => {
        const notes = items.filter((item) => item.reason !== null && item.outcome !== 'create');
        return (
          <TableRow key={object} testId={`review-object-${object}`}>
            <TextCell>{object === 'account' ? 'Account (owners, currencies)' : object}</TextCell>
            <TextCell>{formatCount(totals.create)}</TextCell>
            <TextCell>{formatCount(totals.reuse)}</TextCell>
            <TextCell>{formatCount(totals.skip)}</TextCell>
            <TextCell>{formatCount(totals.fail)}</TextCell>
            <TableCell>
              <Flex direction="column" gap="flush">
                {notes.map((item) => (
                  <Text key={`${item.itemType}:${item.key}`} variant="microcopy">
                    {`${item.label}: ${item.reason ?? ''}`}
                  </Text>
                ))}
              </Flex>
            </TableCell>
          </TableRow>
        );
      })}
    </DataTable>
  );
}
