import Markdown, { type Components } from "react-markdown";

// The page owns h1 and h2; headings written in the summary sit below them. Images are shown
// as links so minutes never load content from elsewhere.
const components: Components = {
  h1: ({ node: _n, ...props }) => <h3 className="text-base" {...props} />,
  h2: ({ node: _n, ...props }) => <h3 className="text-base" {...props} />,
  h3: ({ node: _n, ...props }) => <h4 {...props} />,
  h4: ({ node: _n, ...props }) => <h4 {...props} />,
  h5: ({ node: _n, ...props }) => <h4 {...props} />,
  h6: ({ node: _n, ...props }) => <h4 {...props} />,
  a: ({ node: _n, ...props }) => <a {...props} rel="noopener noreferrer" />,
  img: ({ src, alt }) => (typeof src === "string" && src ? <a href={src} rel="noopener noreferrer">{alt || src}</a> : null),
};

/** Minutes written in Markdown. Raw HTML in the text is not rendered (no rehype-raw, on purpose). */
export function MarkdownText({ children }: { children: string }) {
  return (
    <div className="prose-summary max-w-prose text-[15px] leading-relaxed text-zinc-800">
      <Markdown components={components}>{children}</Markdown>
    </div>
  );
}
