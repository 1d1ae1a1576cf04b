import type { ReactNode } from 'react';
import { MARK, NODE, SAFE_LINK, type PadNode } from '../../../shared/pad/padJson.js';

/**
 * A read-only rendering of pad JSON (an old revision in the timeslider) with the same markup the
 * editor produces, so authorship colours and styles apply alike. Built as React elements: nothing
 * from the document becomes HTML.
 */

function renderText(node: PadNode, key: number): ReactNode {
  let out: ReactNode = node.text ?? '';
  const marks = node.marks ?? [];
  const has = (type: string): boolean => marks.some((m) => m.type === type);
  if (has(MARK.code)) {
    out = <code>{out}</code>;
  }
  if (has(MARK.strike)) {
    out = <s>{out}</s>;
  }
  if (has(MARK.underline)) {
    out = <u>{out}</u>;
  }
  if (has(MARK.italic)) {
    out = <em>{out}</em>;
  }
  if (has(MARK.bold)) {
    out = <strong>{out}</strong>;
  }
  const author = marks.find((m) => m.type === MARK.author)?.attrs?.id;
  if (typeof author === 'string') {
    out = (
      <span className="pad-author" data-author={author}>
        {out}
      </span>
    );
  }
  const href = marks.find((m) => m.type === MARK.link)?.attrs?.href;
  if (typeof href === 'string' && SAFE_LINK.test(href)) {
    out = (
      <a href={href} rel="noopener noreferrer nofollow" target="_blank">
        {out}
      </a>
    );
  }
  return <span key={key}>{out}</span>;
}

function renderInline(content: readonly PadNode[] | undefined): ReactNode[] {
  return (content ?? []).map((node, i) =>
    node.type === NODE.hardBreak ? <br key={i} /> : renderText(node, i),
  );
}

interface Labels {
  done: string;
  open: string;
}

function renderBlock(node: PadNode, key: number, labels: Labels): ReactNode {
  switch (node.type) {
    case NODE.paragraph:
      return <p key={key}>{node.content ? renderInline(node.content) : <br />}</p>;
    case NODE.heading: {
      const level = Math.min(Math.max(Number(node.attrs?.level) || 1, 1), 6);
      const Tag = `h${level}` as 'h1';
      return <Tag key={key}>{renderInline(node.content)}</Tag>;
    }
    case NODE.codeBlock:
      return (
        <pre key={key}>
          <code>{renderInline(node.content)}</code>
        </pre>
      );
    case NODE.horizontalRule:
      return <hr key={key} />;
    case NODE.blockquote:
      return <blockquote key={key}>{renderBlocks(node.content, labels)}</blockquote>;
    case NODE.bulletList:
      return <ul key={key}>{renderItems(node.content, labels)}</ul>;
    case NODE.orderedList:
      return (
        <ol key={key} start={typeof node.attrs?.start === 'number' ? node.attrs.start : undefined}>
          {renderItems(node.content, labels)}
        </ol>
      );
    case NODE.taskList:
      return (
        <ul key={key} data-type="taskList">
          {renderItems(node.content, labels)}
        </ul>
      );
    default:
      return <div key={key}>{renderBlocks(node.content, labels)}</div>;
  }
}

function renderItems(items: readonly PadNode[] | undefined, labels: Labels): ReactNode[] {
  return (items ?? []).map((item, i) =>
    item.type === NODE.taskItem ? (
      <li key={i} data-type="taskItem" data-checked={item.attrs?.checked === true ? 'true' : 'false'}>
        <span
          className="pad-preview__box"
          role="img"
          aria-label={item.attrs?.checked === true ? labels.done : labels.open}
        >
          {item.attrs?.checked === true ? '☑' : '☐'}
        </span>
        <div>{renderBlocks(item.content, labels)}</div>
      </li>
    ) : (
      <li key={i}>{renderBlocks(item.content, labels)}</li>
    ),
  );
}

function renderBlocks(blocks: readonly PadNode[] | undefined, labels: Labels): ReactNode[] {
  return (blocks ?? []).map((block, i) => renderBlock(block, i, labels));
}

/** Shows a pad document read-only. */
export function PadJsonView({
  doc,
  label,
  labels,
}: {
  doc: { content: PadNode[] };
  label: string;
  labels: Labels;
}) {
  return (
    <div className="pad-editor__content pad-preview" role="document" aria-label={label} tabIndex={0}>
      {renderBlocks(doc.content, labels)}
    </div>
  );
}
