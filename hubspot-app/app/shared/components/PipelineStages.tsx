import { Flex, TableCell, TableRow, Tag, Text } from '@hubspot/ui-extensions';
import type { AuditPipeline } from '../contracts/audit.ts';
import { countOf, formatShare } from '../format.ts';
import { DataTable } from './DataTable.tsx';
import { TextCell } from './TextCell.tsx';

/** One pipeline's stages with their probabilities in the source and in HubSpot, then HubSpot's closed stages. */
export function PipelineStages({ pipeline, sourceName }: { pipeline: AuditPipeline; sourceName: string }) {
  return (
    <Flex direction="column" gap="xs">
      <Flex direction="row" gap="sm" align="center" testId={`pipeline-heading-${pipeline.id}`}>
        <Text format={{ fontWeight: 'bold' }}>{pipeline.name}</Text>
        {pipeline.deals !== null && <Text variant="microcopy">{countOf(pipeline.deals, 'deal')}</Text>}
      </Flex>
      <DataTable
        testId={`pipeline-${pipeline.id}`}
        headers={['Stage', `${sourceName} probability`, 'HubSpot probability']}
      >
        {pipeline.stages.map((stage) => (
          <TableRow key={stage.id} testId={`stage-${stage.id}`}>
            <TextCell>{stage.name}</TextCell>
            <TextCell>{stage.sourceProbability === null ? 'Not set' : `${stage.sourceProbability}%`}</TextCell>
            <TextCell>{formatShare(stage.hubspotProbability)}</TextCell>
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
          </TableRow>
        ))}
      </DataTable>
    </Flex>
  );
}
