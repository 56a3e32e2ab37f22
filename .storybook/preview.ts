import type { Preview } from '@storybook/react-vite'

import { loadAuthing } from './storyAuthing.js'
import { withAuthing } from './withAuthing.js'

const preview: Preview = {
  loaders: [loadAuthing],
  decorators: [withAuthing],
  parameters: { layout: 'centered' },
}

export default preview
