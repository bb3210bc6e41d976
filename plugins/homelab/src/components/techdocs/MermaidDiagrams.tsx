import { useShadowRootElements } from '@backstage/plugin-techdocs-react';
import { useTheme } from '@material-ui/core/styles';
import { useEffect } from 'react';

/** Renders Mermaid source to SVG; the bundled Mermaid, loaded on first use. */
type MermaidRenderer = (
  id: string,
  source: string,
  theme: 'default' | 'dark',
) => Promise<string>;

let nextId = 0;

const renderWithMermaid: MermaidRenderer = async (id, source, theme) => {
  // Bundled with the app and loaded only for pages that have diagrams:
  // nothing comes from a CDN.
  const { default: mermaid } = await import('mermaid');
  mermaid.initialize({
    startOnLoad: false,
    theme,
    securityLevel: 'strict',
    fontFamily: 'inherit',
  });
  return (await mermaid.render(id, source)).svg;
};

/**
 * The TechDocs addon that turns fenced `mermaid` code blocks into diagrams,
 * in the reader's light or dark theme. A diagram that does not parse stays
 * as its source, with the error under it.
 */
export function MermaidDiagrams(props: { render?: MermaidRenderer }) {
  const blocks = useShadowRootElements<HTMLElement>(['code.language-mermaid']);
  const theme = useTheme();
  const render = props.render ?? renderWithMermaid;
  const mermaidTheme = theme.palette.type === 'dark' ? 'dark' : 'default';

  useEffect(() => {
    for (const code of blocks) {
      const pre = code.closest('pre') ?? code;
      if (pre.dataset.homelabMermaid) continue;
      pre.dataset.homelabMermaid = 'pending';
      const source = code.textContent ?? '';
      const id = `homelab-mermaid-${nextId++}`;
      render(id, source, mermaidTheme).then(
        svg => {
          const figure = document.createElement('div');
          figure.className = 'homelab-mermaid';
          figure.setAttribute('role', 'img');
          figure.setAttribute('aria-label', source.split('\n')[0]);
          figure.innerHTML = svg;
          pre.replaceWith(figure);
        },
        (error: Error) => {
          pre.dataset.homelabMermaid = 'failed';
          const note = document.createElement('p');
          note.textContent = `This diagram could not be drawn: ${error.message}`;
          pre.after(note);
        },
      );
    }
  }, [blocks, render, mermaidTheme]);

  return null;
}
