import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Test files run in parallel on small machines: give lazy-loaded cards and
// tables time to appear before a query gives up.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(20_000);
