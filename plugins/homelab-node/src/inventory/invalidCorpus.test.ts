import { loadInvalidCorpus, unmetExpectations } from '../testing/corpus';
import { formatProblem } from './problems';
import { validateInventoryFiles } from './validateInventory';

const corpus = loadInvalidCorpus();

describe('the bad-input corpus', () => {
  it('holds at least 100 invalid inventories', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(100);
  });

  it.each(corpus.map(c => [c.name, c] as const))('%s', (_name, corpusCase) => {
    expect(corpusCase.expected.length).toBeGreaterThan(0);
    const result = validateInventoryFiles(corpusCase.files);

    expect(result.inventory).toBeUndefined();
    const { missing, unexpected } = unmetExpectations(
      corpusCase,
      result.problems,
    );
    expect({
      case: corpusCase.description,
      missing,
      unexpected: unexpected.map(formatProblem),
    }).toEqual({ case: corpusCase.description, missing: [], unexpected: [] });

    const fileNames = corpusCase.files.map(f => f.name);
    const badlyLocated = result.problems.filter(
      problem =>
        problem.message.length < 10 ||
        // Problems about the inventory as a whole (site-missing) name its
        // folder; all others name one of its files.
        (problem.rule !== 'site-missing' &&
          !fileNames.includes(problem.file)) ||
        // Problems inside a readable YAML document point at a line.
        (problem.path !== '' && !(problem.line! > 0)),
    );
    expect(badlyLocated.map(formatProblem)).toEqual([]);
  });
});
