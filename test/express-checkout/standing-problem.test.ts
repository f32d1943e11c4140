/**
 * The standing problem of an Express Checkout element, driven by hand with a clock the test runs:
 * a problem is shown (and said once) only if it still stands a task after it appeared; a fixed one
 * is gone at once; an element off the page hears of none.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { StandingProblem } from '../../src/express-checkout/standing-problem.js';
import { type ControllerHost } from '../helpers/controller-host.js';

describe('the standing problem of an Express Checkout element', () => {
  let host: ControllerHost;
  let later: (() => void)[];
  let said: string[];
  let problem: StandingProblem;

  beforeEach(async () => {
    host = await fixture<ControllerHost>(html`<controller-test-host></controller-test-host>`);
    later = [];
    said = [];
    problem = new StandingProblem(host, (text) => said.push(text), (callback) => {
      later.push(callback);
      return () => later.splice(later.indexOf(callback), 1);
    });
  });

  /** Runs what was put off to a task later. */
  const aTaskLater = () => later.splice(0).forEach((callback) => callback());

  it('shows a problem that still stands a task later, and says it once', () => {
    problem.see('currency is required');
    expect(problem.shown, 'not yet: the page may give the rest in this task').to.equal(undefined);
    aTaskLater();
    expect(problem.shown).to.equal('currency is required');
    problem.see('currency is required');
    aTaskLater();
    expect(said).to.deep.equal(['currency is required']);
    expect(host.updatesRequested).to.equal(1);
  });

  it('says nothing of a problem fixed within the task, and drops a fixed one at once', () => {
    problem.see('currency is required');
    problem.see(undefined);
    aTaskLater();
    expect(said).to.deep.equal([]);
    problem.see('amount "329.00" must be a whole number of minor units (32900 for 329.00)');
    aTaskLater();
    problem.see(undefined);
    expect(problem.shown).to.equal(undefined);
  });

  it('says nothing while the element is off the page', () => {
    problem.see('currency is required');
    host.remove();
    aTaskLater();
    expect(problem.shown).to.equal(undefined);
    expect(said).to.deep.equal([]);
  });
});
