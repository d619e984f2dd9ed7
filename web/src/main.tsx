/** Entry point of the reviewer's workbench. */
import { render } from 'preact';
import { App } from './app/App';
import './styles.css';

render(<App />, document.getElementById('app') as HTMLElement);
