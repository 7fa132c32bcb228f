/**
 * Component names on both sides of the preview. A remote component reaches the host page by its
 * registered name (e.g. `Dropdown.ButtonItem` arrives as `DropdownButtonItem`); the host has a DOM
 * implementation for each name in HOST_COMPONENT_NAMES (client/components/index.ts must map exactly
 * these, which its type enforces). tests/preview/component-coverage.test.ts checks that every
 * component our pages import is here, and that the package still exports exactly PACKAGE_COMPONENT_NAMES.
 */

/** `@hubspot/ui-extensions`' root exports, as registered names (the host implements every one). */
const ROOT_COMPONENT_NAMES = [
  'Accordion',
  'Alert',
  'AutoGrid',
  'BarChart',
  'Box',
  'Button',
  'ButtonRow',
  'Card',
  'Checkbox',
  'CurrencyInput',
  'DateInput',
  'DescriptionList',
  'DescriptionListItem',
  'Divider',
  'Dropdown',
  'DropdownButtonItem',
  'EmptyState',
  'ErrorState',
  'Flex',
  'Form',
  'Heading',
  'Icon',
  'Illustration',
  'Image',
  'Inline',
  'Input',
  'LineChart',
  'Link',
  'List',
  'LoadingButton',
  'LoadingSpinner',
  'Modal',
  'ModalBody',
  'ModalFooter',
  'MultiSelect',
  'NumberInput',
  'Panel',
  'PanelBody',
  'PanelFooter',
  'PanelSection',
  'ProgressBar',
  'RadioButton',
  'ScoreCircle',
  'SearchInput',
  'Select',
  'Spacer',
  'Stack',
  'Statistics',
  'StatisticsItem',
  'StatisticsTrend',
  'StatusTag',
  'StepIndicator',
  'StepperInput',
  'Tab',
  'Table',
  'TableBody',
  'TableCell',
  'TableFooter',
  'TableHead',
  'TableHeader',
  'TableRow',
  'Tabs',
  'Tag',
  'Text',
  'TextArea',
  'Textarea',
  'Tile',
  'TimeInput',
  'Toggle',
  'ToggleGroup',
  'Tooltip',
] as const;

/** The app home's header actions (`/pages/home`; the host implements every one). */
const HOME_COMPONENT_NAMES = ['HeaderActions', 'PrimaryHeaderActionButton', 'SecondaryHeaderActionButton'] as const;

/**
 * The components the preview host renders: all of `@hubspot/ui-extensions`' root and app home exports,
 * and the app page links our pages use (`/pages`: PageLink, PageBreadcrumbs).
 */
export const HOST_COMPONENT_NAMES = [
  ...ROOT_COMPONENT_NAMES,
  ...HOME_COMPONENT_NAMES,
  'PageLink',
  'PageBreadcrumbs',
  'PageBreadcrumbsPageLink',
  'PageBreadcrumbsCurrent',
] as const;
export type HostComponentName = (typeof HOST_COMPONENT_NAMES)[number];

/** The package whose component names are recorded below. */
export const RECORDED_PACKAGE = '@hubspot/ui-extensions@0.17.0';

/**
 * Every component `@hubspot/ui-extensions` 0.17.0 exports, by entry point, as registered names.
 * When the package changes, update this list and the host (names the host does not implement render
 * as a visible placeholder, and the coverage test fails if one of our pages uses them).
 */
export const PACKAGE_COMPONENT_NAMES: Record<string, readonly string[]> = {
  '@hubspot/ui-extensions': ROOT_COMPONENT_NAMES,
  '@hubspot/ui-extensions/pages/home': HOME_COMPONENT_NAMES,
  '@hubspot/ui-extensions/crm': [
    'CrmActionButton',
    'CrmActionLink',
    'CrmAssociationPivot',
    'CrmAssociationPropertyList',
    'CrmAssociationStageTracker',
    'CrmAssociationTable',
    'CrmCardActions',
    'CrmDataHighlight',
    'CrmPropertyList',
    'CrmReport',
    'CrmSimpleDeadline',
    'CrmStageTracker',
    'CrmStatistics',
  ],
  '@hubspot/ui-extensions/pages': [
    'PageBreadcrumbs',
    'PageBreadcrumbsCurrent',
    'PageBreadcrumbsPageLink',
    'PageHeader',
    'PageHeaderLink',
    'PageHeaderPageLink',
    'PageHeaderPrimaryAction',
    'PageHeaderSecondaryActions',
    'PageLink',
    'PageTitle',
  ],
  '@hubspot/ui-extensions/experimental': [
    'Center',
    'ExpandableText',
    'ExperimentalAutoGrid',
    'ExperimentalBox',
    'ExperimentalButton',
    'ExperimentalButtonRow',
    'ExperimentalCheckbox',
    'ExperimentalCurrencyInput',
    'ExperimentalDateInput',
    'ExperimentalFlex',
    'ExperimentalInline',
    'ExperimentalInput',
    'ExperimentalLoadingButton',
    'ExperimentalMultiSelect',
    'ExperimentalNumberInput',
    'ExperimentalRadioButton',
    'ExperimentalSearchInput',
    'ExperimentalSelect',
    'ExperimentalStepperInput',
    'ExperimentalTextArea',
    'ExperimentalTimeInput',
    'ExperimentalToggle',
    'FileInput',
    'FileUpload',
    'FileViewer',
    'Grid',
    'GridItem',
    'Iframe',
    'MediaObject',
    'SettingsView',
    'Stack2',
  ],
};
