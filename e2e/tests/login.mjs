import assert from 'node:assert/strict'

import { BOB, expectLoggedIn, expectLoggedOut, logIn, loginForm, screenshot } from '../helpers.mjs'

/** @type {import('../helpers.mjs').E2eTest[]} */
export const loginTests = [
  {
    name: 'logs in as bob with the password form',
    async run(t) {
      const page = await t.newPage()
      await page.goto(t.app)
      await expectLoggedOut(page)
      await logIn(page)
      await expectLoggedIn(page)
      assert.equal(await page.getByLabel('Nickname').inputValue(), BOB.nickname)
      await screenshot(t, page, 'profile-en-US')
      await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click()
      await page.getByLabel('昵称').waitFor()
      // The example's own header and tabs follow the switch too.
      await page.getByRole('navigation', { name: '页面' }).getByRole('button', { name: '角色与资源' }).waitFor()
      await page.getByText('已登录：').waitFor()
      await screenshot(t, page, 'profile-zh-CN')
    },
  },
  {
    name: 'a wrong password shows the localized message (en-US and zh-CN)',
    async run(t) {
      const page = await t.newPage()
      await page.goto(t.app)
      await loginForm(page).waitFor()
      await screenshot(t, page, 'login-form-en-US')
      await logIn(page, { password: 'not-the-password' })
      const alert = page.locator('.ak-login').getByRole('alert')
      await alert.getByText('Incorrect account or password.').waitFor()
      await expectLoggedOut(page)

      // The language switch keeps its choice in the URL: a reload shows the same language.
      await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click()
      assert.match(page.url(), /[?&]lang=zh-CN/)
      await page.reload()
      const form = page.getByRole('form', { name: '登录' })
      await form.waitFor()
      await screenshot(t, page, 'login-form-zh-CN')
      await form.getByLabel('用户名 / 邮箱 / 手机号').fill(BOB.username)
      await form.getByLabel('密码').fill('not-the-password')
      await form.getByRole('button', { name: '登录' }).click()
      await alert.getByText('账号或密码错误。').waitFor()
    },
  },
]
