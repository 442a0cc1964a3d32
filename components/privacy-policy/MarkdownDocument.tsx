import { lexer, type Token, type Tokens } from 'marked';
import { useMemo } from 'preact/hooks';

/**
 * A Markdown document (PRIVACY.md) drawn as elements, never as HTML from a string: marked only
 * splits it into tokens, and every piece of text reaches the page as text. Raw HTML in the source
 * shows as the text it is; only https:// links become links.
 */
export function MarkdownDocument({ source }: { source: string }) {
  const tokens = useMemo(() => lexer(source), [source]);
  return <Blocks tokens={tokens} />;
}

function Blocks({ tokens }: { tokens: Token[] }) {
  return (
    <>
      {tokens.map((token, i) => (
        <Block key={i} token={token} />
      ))}
    </>
  );
}

function Block({ token }: { token: Token }) {
  switch (token.type) {
    case 'space':
      return null;
    case 'heading':
      return <Heading token={token as Tokens.Heading} />;
    case 'paragraph':
      return (
        <p>
          <Inline tokens={(token as Tokens.Paragraph).tokens} />
        </p>
      );
    case 'text': {
      // The text of a tight list item: inline tokens with no paragraph around them.
      const text = token as Tokens.Text;
      return text.tokens ? <Inline tokens={text.tokens} /> : <>{text.text}</>;
    }
    case 'list':
      return <List token={token as Tokens.List} />;
    case 'table':
      return <Table token={token as Tokens.Table} />;
    case 'blockquote':
      return (
        <blockquote>
          <Blocks tokens={(token as Tokens.Blockquote).tokens} />
        </blockquote>
      );
    case 'code':
      return (
        <pre>
          <code>{(token as Tokens.Code).text}</code>
        </pre>
      );
    case 'hr':
      return <hr />;
    default:
      // Raw HTML and anything else: the source text, as text.
      return <p>{token.raw}</p>;
  }
}

function Heading({ token }: { token: Tokens.Heading }) {
  const content = <Inline tokens={token.tokens} />;
  switch (token.depth) {
    case 1:
      return <h1>{content}</h1>;
    case 2:
      return <h2>{content}</h2>;
    case 3:
      return <h3>{content}</h3>;
    default:
      return <h4>{content}</h4>;
  }
}

function List({ token }: { token: Tokens.List }) {
  const items = token.items.map((item, i) => (
    <li key={i}>
      <Blocks tokens={item.tokens} />
    </li>
  ));
  return token.ordered ? <ol start={token.start === '' ? undefined : token.start}>{items}</ol> : <ul>{items}</ul>;
}

function Table({ token }: { token: Tokens.Table }) {
  return (
    <div class="doc-table">
      <table>
        <thead>
          <tr>
            {token.header.map((cell, i) => (
              <th key={i} scope="col">
                <Inline tokens={cell.tokens} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {token.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) => (
                <td key={c}>
                  <Inline tokens={cell.tokens} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Inline({ tokens }: { tokens: Token[] }) {
  return (
    <>
      {tokens.map((token, i) => (
        <InlineToken key={i} token={token} />
      ))}
    </>
  );
}

function InlineToken({ token }: { token: Token }) {
  switch (token.type) {
    case 'strong':
      return (
        <strong>
          <Inline tokens={(token as Tokens.Strong).tokens} />
        </strong>
      );
    case 'em':
      return (
        <em>
          <Inline tokens={(token as Tokens.Em).tokens} />
        </em>
      );
    case 'codespan':
      return <code>{(token as Tokens.Codespan).text}</code>;
    case 'br':
      return <br />;
    case 'link': {
      const link = token as Tokens.Link;
      const content = <Inline tokens={link.tokens} />;
      // A page of the extension has nowhere to resolve a relative link; other schemes are not followed.
      if (!/^https:\/\//i.test(link.href)) return content;
      return (
        <a href={link.href} target="_blank" rel="noopener noreferrer">
          {content}
        </a>
      );
    }
    case 'text':
    case 'escape': {
      const text = token as Tokens.Text;
      return text.tokens ? <Inline tokens={text.tokens} /> : <>{text.text}</>;
    }
    default:
      // Inline HTML and anything else: the source text, as text.
      return <>{token.raw}</>;
  }
}
