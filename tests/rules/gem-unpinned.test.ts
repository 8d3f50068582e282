import rule from '~/rules/gem-unpinned';
import { ruleTester } from '../support/rule-tester';

const rb = (run: string) => `FROM ruby:3.3-slim\n${run}\n`;

ruleTester.run(rule, {
  valid: [
    rb('RUN gem install bundler:2.5.18'),
    { name: '-v', code: rb('RUN gem install bundler -v 2.5.18') },
    { name: '--version=', code: rb('RUN gem install --version=2.5.18 bundler') },
    { name: 'local .gem file', code: rb('RUN gem install ./pkg/tool-1.0.0.gem') },
    { name: 'option values', code: rb('RUN gem install --install-dir /opt/gems rake:13.2.1') },
    { name: 'bundle install', code: rb('RUN bundle install') },
    { name: 'variables', code: rb('RUN gem install "$GEM"') },
  ],
  invalid: [
    {
      code: rb('RUN gem install bundler'),
      errors: [{ messageId: 'unpinned', line: 2, column: 17, endColumn: 24 }],
      onbuild: true,
    },
    {
      name: 'gem i, several, after options',
      code: rb('RUN gem i --no-document rake rails:7.2.1 foreman'),
      errors: [{ column: 25 }, { column: 42 }],
    },
  ],
});
