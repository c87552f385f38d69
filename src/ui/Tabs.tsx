// ARIA tabs (tablist/tab/tabpanel) with the keyboard pattern: Left/Right/Home/End move between tabs.
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

export interface TabDef<T extends string> {
  id: T;
  label: string;
}

export function Tabs<T extends string>(props: {
  label: string;
  tabs: TabDef<T>[];
  value: T;
  onChange: (id: T) => void;
  children: ComponentChildren;
}) {
  const list = useRef<HTMLDivElement>(null);
  const index = props.tabs.findIndex((x) => x.id === props.value);
  const move = (to: number) => {
    const n = props.tabs.length;
    const next = props.tabs[(to + n) % n];
    if (!next) return;
    props.onChange(next.id);
    list.current?.querySelector<HTMLElement>(`#tab-${next.id}`)?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowRight') move(index + 1);
    else if (e.key === 'ArrowLeft') move(index - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(props.tabs.length - 1);
    else return;
    e.preventDefault();
  };
  return (
    <>
      <div role="tablist" aria-label={props.label} class="tabs" ref={list} onKeyDown={onKeyDown}>
        {props.tabs.map((x) => (
          <button
            type="button"
            role="tab"
            id={`tab-${x.id}`}
            key={x.id}
            aria-selected={x.id === props.value}
            aria-controls={`panel-${x.id}`}
            tabIndex={x.id === props.value ? 0 : -1}
            onClick={() => props.onChange(x.id)}
          >
            {x.label}
          </button>
        ))}
      </div>
      <section role="tabpanel" id={`panel-${props.value}`} aria-labelledby={`tab-${props.value}`} class="tabpanel">
        {props.children}
      </section>
    </>
  );
}
