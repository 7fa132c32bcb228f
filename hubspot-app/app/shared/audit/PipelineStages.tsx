import { Flex, TableCell, TableRow, Tag, Text } from '@hubspot/ui-extensions';
import { DataTable } from '../components/DataTable.tsx';
import { TextCell } from '../components/TextCell.tsx';
import type { AuditPipeline } from '../contracts/audit.ts';
import { countOf, formatCount, formatShare } from '../format.ts';

/** A stage's open deals, with its archived ones apart; a dash before the audit counted them. */
function openDeals(pipeline: AuditPipeline, stageId: string): string {
  const open = pipeline.dealCounts?.openByStage[stageId];
  if (open === undefined) return '—';
  const archived = pipeline.archivedDealCounts?.openByStage[stageId] ?? 0;
  return archived > 0 ? `${formatCount(open)} (+${formatCount(archived)} archived)` : formatCount(open);
}

/** One pipeline's stages with their probabilities in the source and in HubSpot, then HubSpot's closed stages. */
export function PipelineStages({ pipeline, sourceName }: { pipeline: AuditPipeline; sourceName: string }) {
  return (
    <Flex direction="column" gap="xs">
      <Flex direction="row" gap="sm" align="center" testId={`pipeline-heading-${pipeline.id}`}>
        <Text format={{ fontWeight: 'bold' }}>{pipeline.name}</Text>
        {pipeline.deals !== null && <Text variant="microcopy">{countOf(pipeline.deals, 'deal')}</Text>}
        {pipeline.dealCounts !== null && (
          <Text variant="microcopy" testId={`pipeline-closed-${pipeline.id}`}>
            {`${formatCount(pipeline.dealCounts.won)} won · ${formatCount(pipeline.dealCounts.lost)} lost`}
          </Text>
        )}
        {pipeline.archivedDealCounts !== null && (
          <Text variant="microcopy" testId={`pipeline-archived-${pipeline.id}`}>
            {`Archived: ${formatCount(pipeline.archivedDealCounts.open)} open · ${formatCount(pipeline.archivedDealCounts.won)} won · ${formatCount(pipeline.archivedDealCounts.lost)} lost`}
          </Text>
        )}
      </Flex>
      <DataTable
        testId={`pipeline-${pipeline.id}`}
        headers={['Stage', `${sourceName} probability`, 'HubSpot probability', 'Open deals']}
      >
        {pipeline.stages.map((stage) => (
          <TableRow key={stage.id} testId={`stage-${stage.id}`}>
            <TextCell>{stage.name}</TextCell>
            <TextCell>{stage.sourceProbability === null ? 'Not set' : `${stage.sourceProbability}%`}</TextCell>
            <TextCell>{formatShare(stage.hubspotProbability)}</TextCell>
            <TextCell>{openDeals(pipeline, stage.id)}</TextCell>
          </TableRow>
        ))}
        {pipeline.closedStages.map((closed) => (
          <TableRow key={closed.label}>
            <TableCell>
              <Flex direction="row" gap="xs" align="center">
                <Text>{closed.label}</Text>
                <Tag variant="info">Added in HubSpot</Tag>
              </Flex>
            </TableCell>
            <TextCell>—</TextCell>
            <TextCell>{formatShare(closed.hubspotProbability)}</TextCell>
            <TextCell>—</TextCell>
          </TableRow>
        ))}
      </DataTable>
    </Flex>
  );
}
