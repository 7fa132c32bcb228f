/**
 * The host's component map: one DOM implementation per HubSpot component name. Its type requires
 * exactly the names in HOST_COMPONENT_NAMES; any other name the extension renders becomes a visible
 * placeholder (and the coverage test fails if our pages use one).
 */
import type { ComponentType, ReactNode } from 'react';
import type { HostComponentName } from '../../shared/component-names.ts';
import * as buttons from './buttons.tsx';
import * as feedback from './feedback.tsx';
import * as inputs from './inputs.tsx';
import * as layout from './layout.tsx';
import * as overlays from './overlays.tsx';
import * as pages from './pages.tsx';
import * as table from './table.tsx';
import * as tabs from './tabs.tsx';
import * as text from './text.tsx';

// The extension sends any props; each implementation reads the ones HubSpot documents.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type HostComponent = ComponentType<any>;

export const HOST_COMPONENTS: { readonly [Name in HostComponentName]: HostComponent } = {
  Accordion: layout.Accordion,
  Alert: feedback.Alert,
  AutoGrid: layout.AutoGrid,
  BarChart: feedback.BarChart,
  Box: layout.Box,
  Button: buttons.Button,
  ButtonRow: buttons.ButtonRow,
  Card: layout.Card,
  Checkbox: inputs.Checkbox,
  CurrencyInput: inputs.CurrencyInput,
  DateInput: inputs.DateInput,
  DescriptionList: layout.DescriptionList,
  DescriptionListItem: layout.DescriptionListItem,
  Divider: layout.Divider,
  Dropdown: buttons.Dropdown,
  DropdownButtonItem: buttons.DropdownButtonItem,
  EmptyState: feedback.EmptyState,
  ErrorState: feedback.ErrorState,
  Flex: layout.Flex,
  Form: inputs.Form,
  Heading: text.Heading,
  Icon: text.Icon,
  Illustration: text.Illustration,
  Image: text.Image,
  Inline: layout.Inline,
  Input: inputs.Input,
  LineChart: feedback.LineChart,
  Link: text.Link,
  List: layout.List,
  LoadingButton: buttons.LoadingButton,
  LoadingSpinner: feedback.LoadingSpinner,
  Modal: overlays.Modal,
  ModalBody: overlays.ModalBody,
  ModalFooter: overlays.ModalFooter,
  MultiSelect: inputs.MultiSelect,
  NumberInput: inputs.NumberInput,
  Panel: overlays.Panel,
  PanelBody: overlays.PanelBody,
  PanelFooter: overlays.PanelFooter,
  PanelSection: overlays.PanelSection,
  ProgressBar: feedback.ProgressBar,
  RadioButton: inputs.RadioButton,
  ScoreCircle: feedback.ScoreCircle,
  SearchInput: inputs.SearchInput,
  Select: inputs.Select,
  Spacer: layout.Spacer,
  Stack: layout.Stack,
  Statistics: feedback.Statistics,
  StatisticsItem: feedback.StatisticsItem,
  StatisticsTrend: feedback.StatisticsTrend,
  StatusTag: text.StatusTag,
  StepIndicator: feedback.StepIndicator,
  StepperInput: inputs.StepperInput,
  Tab: tabs.Tab,
  Table: table.Table,
  TableBody: table.TableBody,
  TableCell: table.TableCell,
  TableFooter: table.TableFooter,
  TableHead: table.TableHead,
  TableHeader: table.TableHeader,
  TableRow: table.TableRow,
  Tabs: tabs.Tabs,
  Tag: text.Tag,
  Text: text.Text,
  TextArea: inputs.TextArea,
  Textarea: inputs.Textarea,
  Tile: layout.Tile,
  TimeInput: inputs.TimeInput,
  Toggle: inputs.Toggle,
  ToggleGroup: inputs.ToggleGroup,
  Tooltip: text.Tooltip,
  HeaderActions: buttons.HeaderActions,
  PrimaryHeaderActionButton: buttons.PrimaryHeaderActionButton,
  SecondaryHeaderActionButton: buttons.SecondaryHeaderActionButton,
  PageLink: pages.PageLink,
  PageBreadcrumbs: pages.PageBreadcrumbs,
  PageBreadcrumbsPageLink: pages.PageBreadcrumbsPageLink,
  PageBreadcrumbsCurrent: pages.PageBreadcrumbsCurrent,
};

const placeholders = new Map<string, HostComponent>();

/** A component the host does not implement: shown, with its children, so nothing fails silently. */
export function placeholderFor(name: string): HostComponent {
  let placeholder = placeholders.get(name);
  if (!placeholder) {
    const Unknown = ({ children }: { children?: ReactNode }) => (
      <div className="pv-unknown" data-preview-unknown={name} role="note">
        <p className="pv-unknown-label">
          The preview cannot show <code>{name}</code> yet
        </p>
        {children}
      </div>
    );
    Unknown.displayName = `Unknown(${name})`;
    placeholder = Unknown;
    placeholders.set(name, placeholder);
  }
  return placeholder;
}

export function hostComponent(name: string): HostComponent {
  return Object.prototype.hasOwnProperty.call(HOST_COMPONENTS, name)
    ? HOST_COMPONENTS[name as HostComponentName]
    : placeholderFor(name);
}
