import { TableCell, Text } from '@hubspot/ui-extensions';

/** A table cell holding one piece of text. */
export function TextCell({ children }: { children: string }) {
  return (
    <TableCell>
      <Text>{children}</Text>
    </TableCell>
  );
}
