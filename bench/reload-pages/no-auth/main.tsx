// The baseline of bench/react-reload.mjs: the example's profile page with no auth at all, the same
// React, stylesheet and elements, filled from constants; what the example takes longer is what auth costs.
import { createRoot } from 'react-dom/client'

import { ProfilePage } from '../shared/ProfilePage.js'

const user = { nickname: 'Bob', username: 'bob', email: 'bob@example.com', phone: '13800138000', photo: '/avatar.svg' }

createRoot(document.getElementById('root')!).render(<ProfilePage user={user} host="http://127.0.0.1:5556" />)
