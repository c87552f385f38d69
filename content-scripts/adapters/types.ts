// The adapter contract: an adapter finds billing regions and plans which host elements hold what.
// Planning (discovery) is redone only when a region's structure changes; reading values is cheap
// and redone on every edit (see ../scanner.ts).
import type { ContextField } from './context-fields';

export interface FieldPlan {
  /** The host element holding one or more codes; markers anchor to it. */
  el: Element;
  /** An adjacent "Antall" field belonging to this line, if any. */
  count: Element | null;
  /** `el` is the typing input of a chips widget: its chips are read, never its typed text. */
  chips?: boolean;
}

export interface RegionPlan {
  fields: FieldPlan[];
  /** "Antall" fields that name their code (`antall_2cd`, aria-label "Antall 2cd"), by lower-case code. */
  countsByCode: Map<string, Element>;
  context: ContextField[];
  /** Why the region's codes cannot be read even before reading values (e.g. a takst label with no field). */
  unreadable: string | null;
  /** A virtualised grid renders only some of its rows: how many lines were read of how many. */
  partial?: { read: number; total: number };
}

export interface Adapter {
  /** Billing regions under `root` (never opted-out areas or reference tables). */
  regions(root: ParentNode): Element[];
  plan(region: Element): RegionPlan;
  /** True for page changes that can never hold a bill (rows re-rendered inside a reference table). */
  ignores?(node: Node): boolean;
}
