import { Heading, LoadingSpinner, Panel, PanelBody, PanelSection, Text } from '@hubspot/ui-extensions';
import type { AuditField, AuditObject, AuditPipeline } from '../contracts/audit.ts';
import { FieldsTable } from './FieldsTable.tsx';
import { PipelineStages } from './PipelineStages.tsx';
import { RecordBreakdown } from './RecordBreakdown.tsx';

interface ObjectDetailPanelProps {
  object: AuditObject;
  fields: AuditField[];
  /** Shown for deals only. */
  pipelines: AuditPipeline[];
  typeNames: Readonly<Record<string, string>>;
  sourceName: string;
  /** The panel is open: only then are its fields and pipelines rendered (an account can have hundreds). */
  open: boolean;
  onOpen: () => void;
  onClose: () => void;
}

export const objectPanelId = (objectKey: string): string => `audit-object-${objectKey}`;

/** The detail of one source object, opened from its count: records, every field, and for deals the pipelines. */
export function ObjectDetailPanel({
  object,
  fields,
  pipelines,
  typeNames,
  sourceName,
  open,
  onOpen,
  onClose,
}: ObjectDetailPanelProps) {
  const showPipelines = object.hubspotObject === 'deals';
  return (
    <Panel
      id={objectPanelId(object.key)}
      testId={objectPanelId(object.key)}
      title={`${object.sourceLabel} → ${object.hubspotLabel}`}
      width="lg"
      onOpen={onOpen}
      onClose={onClose}
    >
      <PanelBody>
        <PanelSection>
          <RecordBreakdown object={object} typeNames={typeNames} />
        </PanelSection>
        {!open && <LoadingSpinner label="Loading the fields" layout="centered" />}
        {open && (
          <PanelSection>
            <Heading>Fields</Heading>
            <Text variant="microcopy">
              {`${object.supportedProperties} of ${object.properties} fields can be transferred; each one that cannot says why.`}
            </Text>
            <FieldsTable objectKey={object.key} fields={fields} sourceName={sourceName} />
          </PanelSection>
        )}
        {open && showPipelines && (
          <PanelSection>
            <Heading>Pipelines and stages</Heading>
            <Text variant="microcopy">
              Each pipeline becomes a HubSpot deal pipeline with its open stages. Won and lost deals go to the closed
              stages HubSpot needs, and the {sourceName} stage they were in is kept in a property.
            </Text>
            {pipelines.length === 0 ? (
              <Text testId="no-pipelines">{sourceName} has no pipelines.</Text>
            ) : (
              pipelines.map((pipeline) => (
                <PipelineStages key={pipeline.id} pipeline={pipeline} sourceName={sourceName} />
              ))
            )}
          </PanelSection>
        )}
      </PanelBody>
    </Panel>
  );
}
