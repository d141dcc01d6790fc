import { render } from 'preact';
import dataset from 'virtual:lens-dataset';

function AboutDataset() {
  return (
    <section>
      <h1>About the dataset</h1>
      <p data-testid="dataset-version">Version {dataset.version}</p>
      <p>
        {dataset.claims.length} claims, {dataset.events.length} events, {dataset.actors.length} actors,{' '}
        {dataset.coverage.length} sources.
      </p>
    </section>
  );
}

const root = document.getElementById('app');
if (root) render(<AboutDataset />, root);
