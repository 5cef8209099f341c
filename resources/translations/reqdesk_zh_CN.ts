<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccessDialog</name>
    <message>
        <source>Access to confidential sections</source>
        <translation>保密内容查阅授权</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Besides the custodian, supervisors and the general manager, these users may open the credit, production and transaction sections of this file:</source>
        <translation>除管理人、主管和总经理外，下列被勾选的用户也可查看此档案的信用、生产和交易部分：</translation>
    </message>
</context>
<context>
    <name>ActionBar</name>
    <message>
        <source>Sign…</source>
        <translation>签署…</translation>
    </message>
    <message>
        <source>Correct my sign-off…</source>
        <translation>更正本部门签署…</translation>
    </message>
    <message>
        <source>Sign as general manager…</source>
        <translation>总经理签署…</translation>
    </message>
    <message>
        <source>Conclude: accept…</source>
        <translation>评审结论：承接…</translation>
    </message>
    <message>
        <source>Record negotiation…</source>
        <translation>记录与客户协商…</translation>
    </message>
    <message>
        <source>Revise items (new round)…</source>
        <translation>修改评审内容（新一轮）…</translation>
    </message>
    <message>
        <source>Hand to the general manager…</source>
        <translation>提请总经理裁定…</translation>
    </message>
    <message>
        <source>Arbitrate…</source>
        <translation>裁定…</translation>
    </message>
    <message>
        <source>Record answer to customer…</source>
        <translation>记录答复客户…</translation>
    </message>
    <message>
        <source>Amend contract…</source>
        <translation>合同修订…</translation>
    </message>
    <message>
        <source>Mark notice as read</source>
        <translation>通知已阅</translation>
    </message>
    <message>
        <source>Print record…</source>
        <translation>打印评审表…</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>保存（Ctrl+Enter）</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Administrator account</source>
        <translation>管理员账号</translation>
    </message>
    <message>
        <source>The administrator creates the other users, sets up departments and keeps the backups. Choose a password of at least 8 characters and keep it safe.</source>
        <translation>管理员负责创建其他用户、设置部门并管理备份。请设置至少 8 个字符的密码并妥善保管。</translation>
    </message>
    <message>
        <source>Administrator user name</source>
        <translation>管理员用户名</translation>
    </message>
    <message>
        <source>Administrator full name</source>
        <translation>管理员姓名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>AmendDialog</name>
    <message>
        <source>Amend the contract</source>
        <translation>合同修订</translation>
    </message>
    <message>
        <source>Amendment</source>
        <translation>修订方式</translation>
    </message>
    <message>
        <source>What and why</source>
        <translation>修订内容及原因</translation>
    </message>
    <message>
        <source>change to</source>
        <translation>改为</translation>
    </message>
    <message>
        <source>Delivery date</source>
        <translation>交货期</translation>
    </message>
    <message>
        <source>New quantity</source>
        <translation>新数量</translation>
    </message>
    <message>
        <source>Signed for the customer by</source>
        <translation>客户方签字人</translation>
    </message>
    <message>
        <source>Your password (signature)</source>
        <translation>您的密码（签名）</translation>
    </message>
    <message>
        <source>Only the delivery date or the quantity changes: a change record is kept.</source>
        <translation>只变更交货期或数量：保留变更记录。</translation>
    </message>
    <message>
        <source>A clause is added to the contract and both sides sign it: the customer on paper, you with your password.</source>
        <translation>在原合同上增加变更条款，双方签字：客户在纸面签字，您以密码签名。</translation>
    </message>
    <message>
        <source>The contract is voided and a new review opens with these items; every department signs again.</source>
        <translation>原合同作废，按以下内容重新评审；各部门重新签署。</translation>
    </message>
    <message>
        <source>The departments that signed before are notified.</source>
        <translation>此前签署过的部门将收到通知。</translation>
    </message>
</context>
<context>
    <name>AmendmentKind</name>
    <message>
        <source>Void and re-sign</source>
        <translation>作废重签</translation>
    </message>
    <message>
        <source>Change clause</source>
        <translation>增加变更条款</translation>
    </message>
    <message>
        <source>Time or quantity only</source>
        <translation>仅变更时间或数量</translation>
    </message>
</context>
<context>
    <name>AnswerDialog</name>
    <message>
        <source>Answer to the customer</source>
        <translation>答复客户</translation>
    </message>
    <message>
        <source>Answered at *</source>
        <translation>答复时间 *</translation>
    </message>
    <message>
        <source>How, and what was said *</source>
        <translation>答复方式及内容 *</translation>
    </message>
</context>
<context>
    <name>ApologyDialog</name>
    <message>
        <source>reqdesk — unexpected error</source>
        <translation>reqdesk — 意外错误</translation>
    </message>
    <message>
        <source>Sorry, something went wrong. What you saved before is safe; the action you were doing may not have been completed — please check it and try again.

The details were written to the log file:
{log}</source>
        <translation>抱歉，程序出了问题。此前已保存的内容是安全的；刚才的操作可能没有完成——请检查后重试。

详细信息已写入日志文件：
{log}</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>复制详细信息(&amp;C)</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>reqdesk: the database is not set up.</source>
        <translation>reqdesk：数据库尚未初始化。</translation>
    </message>
</context>
<context>
    <name>ApprovalState</name>
    <message>
        <source>Pending approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已审批</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
</context>
<context>
    <name>ArbitrationDialog</name>
    <message>
        <source>General manager&apos;s arbitration</source>
        <translation>总经理裁定</translation>
    </message>
    <message>
        <source>Sales could not settle review {number} with the customer. Rule on it: accept or reject, with the reason.</source>
        <translation>销售部未能与客户协商解决评审 {number}。请裁定承接或不予承接，并说明理由。</translation>
    </message>
</context>
<context>
    <name>AssessmentDialog</name>
    <message>
        <source>Assessment</source>
        <translation>需求评估</translation>
    </message>
    <message>
        <source>(not assessed)</source>
        <translation>（未评估）</translation>
    </message>
    <message>
        <source>(not scored)</source>
        <translation>（未评分）</translation>
    </message>
    <message>
        <source>Technical feasibility</source>
        <translation>技术可行性</translation>
    </message>
    <message>
        <source>Economic feasibility</source>
        <translation>经济可行性</translation>
    </message>
    <message>
        <source>Time feasibility</source>
        <translation>时间可行性</translation>
    </message>
    <message>
        <source>Value (1–5)</source>
        <translation>价值（1–5）</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>BackupPage</name>
    <message>
        <source>reqdesk backs up the database once a day when it starts and checks each copy. The rotation keeps the newest backup of each of the last so many days, weeks and months. Backups are listed and restored in Tools → Backups.</source>
        <translation>reqdesk 每天启动时备份一次数据库，并检查每份备份。轮换保留最近若干天、若干周和若干月中每个时段的最新备份。备份的查看和恢复在“工具 → 备份”中。</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Use the &amp;default</source>
        <translation>使用默认位置(&amp;D)</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <source>Daily backups kept</source>
        <translation>保留每日备份数</translation>
    </message>
    <message>
        <source>Weekly backups kept</source>
        <translation>保留每周备份数</translation>
    </message>
    <message>
        <source>Monthly backups kept</source>
        <translation>保留每月备份数</translation>
    </message>
    <message>
        <source>This database is on a PostgreSQL server: back it up on the server (pg_dump). reqdesk&apos;s own backups are for SQLite files.</source>
        <translation>本数据库位于 PostgreSQL 服务器上：请在服务器上备份（pg_dump）。reqdesk 自带的备份只用于 SQLite 文件。</translation>
    </message>
    <message>
        <source>Default: {folder}</source>
        <translation>默认：{folder}</translation>
    </message>
    <message>
        <source>Choose the backup folder</source>
        <translation>选择备份文件夹</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>没有任何修改。</translation>
    </message>
    <message>
        <source>Saved. The next daily backup goes to {folder}.</source>
        <translation>已保存。下一次每日备份将存入 {folder}。</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>Daily (automatic)</source>
        <translation>每日（自动）</translation>
    </message>
    <message>
        <source>Made by hand</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>恢复前的副本</translation>
    </message>
    <message>
        <source>Before an upgrade</source>
        <translation>升级前的副本</translation>
    </message>
    <message>
        <source>Damaged file set aside</source>
        <translation>移出的损坏文件</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>reqdesk backs up the database once a day when it starts and keeps {daily} daily, {weekly} weekly and {monthly} monthly copies (Tools → Settings → Backups). Each backup is checked when it is made.</source>
        <translation>reqdesk 每天启动时备份一次数据库，保留 {daily} 份每日备份、{weekly} 份每周备份和 {monthly} 份每月备份（工具 → 设置 → 备份）。每份备份在生成时都会经过检查。</translation>
    </message>
    <message>
        <source>Taken at</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Restore from &amp;file…</source>
        <translation>从文件恢复(&amp;F)…</translation>
    </message>
    <message>
        <source>{mb} MB</source>
        <translation>{mb} MB</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Backed up to {file}.</source>
        <translation>已备份到 {file}。</translation>
    </message>
    <message>
        <source>Restore from file</source>
        <translation>从文件恢复</translation>
    </message>
    <message>
        <source>reqdesk databases (*.db);;All files (*)</source>
        <translation>reqdesk 数据库 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Replace the database with {file}?

Work saved after that backup is no longer in the database (the current file is kept in the backups folder first). reqdesk closes afterwards; start it again.</source>
        <translation>用 {file} 替换当前数据库吗？

该备份之后保存的工作将不在数据库中（当前文件会先保存到备份文件夹）。恢复后 reqdesk 将关闭，请重新启动。</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <source>The database was restored from {file}. reqdesk will now close.</source>
        <translation>数据库已从 {file} 恢复。reqdesk 现在将关闭。</translation>
    </message>
</context>
<context>
    <name>CalendarDialog</name>
    <message>
        <source>Holiday calendar</source>
        <translation>节假日日历</translation>
    </message>
    <message>
        <source>Add year…</source>
        <translation>添加年份…</translation>
    </message>
    <message>
        <source>Import calendar file…</source>
        <translation>导入日历文件…</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Add day</source>
        <translation>添加日期</translation>
    </message>
    <message>
        <source>Remove day</source>
        <translation>删除日期</translation>
    </message>
    <message>
        <source>Restore official schedule</source>
        <translation>恢复官方安排</translation>
    </message>
    <message>
        <source>Put back the State Council&apos;s schedule shipped with the program</source>
        <translation>恢复程序自带的国务院放假安排</translation>
    </message>
    <message>
        <source>Save year</source>
        <translation>保存本年</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>List the public holidays that fall on weekdays or weekends, and the weekend days that are worked (调休). Every other Monday–Friday is a working day. Saving a year marks its schedule as known, so its due dates are no longer provisional.</source>
        <translation>列出法定节假日（含落在周末的），以及调休上班的周末日期。其余周一至周五均为工作日。保存某一年后，该年的放假安排即视为已知，其时限不再是暂定。</translation>
    </message>
    <message>
        <source>The changes to {year} are not saved. Discard them?</source>
        <translation>{year} 年的修改尚未保存。要放弃这些修改吗？</translation>
    </message>
    <message>
        <source>{year}: not saved yet (provisional).</source>
        <translation>{year} 年：尚未保存（暂定，仅按周末计算）。</translation>
    </message>
    <message>
        <source>{year}: version {version}, from {source}; {holidays} holidays, {workdays} make-up working days.</source>
        <translation>{year} 年：第 {version} 版，来源：{source}；节假日 {holidays} 天，调休上班 {workdays} 天。</translation>
    </message>
    <message>
        <source>the official schedule</source>
        <translation>国务院官方放假安排</translation>
    </message>
    <message>
        <source>file {name}</source>
        <translation>文件 {name}</translation>
    </message>
    <message>
        <source>entered by hand</source>
        <translation>手工录入</translation>
    </message>
    <message>
        <source>{year} saved (version {version}).</source>
        <translation>{year} 已保存（版本 {version}）。</translation>
    </message>
    <message>
        <source>Replace the days of {year} with the official schedule shipped with the program? Days entered by hand for {year} are removed.</source>
        <translation>用程序自带的官方安排替换 {year} 年的日期吗？{year} 年手工录入的日期将被删除。</translation>
    </message>
    <message>
        <source>Add year</source>
        <translation>添加年份</translation>
    </message>
    <message>
        <source>Import calendar file</source>
        <translation>导入日历文件</translation>
    </message>
    <message>
        <source>Calendar files (*.csv *.txt)</source>
        <translation>日历文件 (*.csv *.txt)</translation>
    </message>
    <message>
        <source>Imported from {file}: {years}. The file&apos;s days were added; days it does not list were kept.</source>
        <translation>已从 {file} 导入：{years}。文件中的日期已加入；文件未列出的日期保持不变。</translation>
    </message>
    <message>
        <source>{year} (version {version})</source>
        <translation>{year} 年（第 {version} 版）</translation>
    </message>
</context>
<context>
    <name>Category</name>
    <message>
        <source>Product</source>
        <translation>产品需求</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务需求</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格需求</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他需求</translation>
    </message>
</context>
<context>
    <name>CategoryDetail</name>
    <message>
        <source>Function</source>
        <translation>功能</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>性能</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>Customisation</source>
        <translation>定制化</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Choose a new password</source>
        <translation>设置新密码</translation>
    </message>
    <message>
        <source>Your password was reset by the administrator. Choose your own password (at least 8 characters) to continue.</source>
        <translation>您的密码已被管理员重置。请设置您自己的密码（至少 8 个字符）后继续。</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
</context>
<context>
    <name>Channel</name>
    <message>
        <source>Visit</source>
        <translation>来访</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>来电</translation>
    </message>
    <message>
        <source>Letter / e-mail</source>
        <translation>来信/邮件</translation>
    </message>
    <message>
        <source>Fax</source>
        <translation>传真</translation>
    </message>
    <message>
        <source>Relayed</source>
        <translation>委托转告</translation>
    </message>
    <message>
        <source>Superior department</source>
        <translation>上级部门转告</translation>
    </message>
    <message>
        <source>Contract negotiation</source>
        <translation>合同洽谈</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>问卷调查</translation>
    </message>
    <message>
        <source>Market research</source>
        <translation>市场调研</translation>
    </message>
    <message>
        <source>Customer complaint</source>
        <translation>客户投诉</translation>
    </message>
    <message>
        <source>Employee feedback</source>
        <translation>内部员工反馈</translation>
    </message>
    <message>
        <source>Web / media</source>
        <translation>网络媒体</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>database file or SQLAlchemy URL (default: REQDESK_DB, else the database chosen in Settings, else reqdesk.db in the data folder)</source>
        <translation>数据库文件或 SQLAlchemy 地址（默认：REQDESK_DB，否则为设置中选定的数据库，否则为数据文件夹中的 reqdesk.db）</translation>
    </message>
    <message>
        <source>Customer requirement management.</source>
        <translation>顾客需求管理。</translation>
    </message>
    <message>
        <source>user interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>sign in as this user (password from REQDESK_PASSWORD)</source>
        <translation>以此用户登录（密码取自 REQDESK_PASSWORD）</translation>
    </message>
    <message>
        <source>start, sign in, paint the first tab, print the milliseconds taken and exit</source>
        <translation>启动、登录、绘制首个标签页，打印所用毫秒数后退出</translation>
    </message>
    <message>
        <source>create a database filled with demo data</source>
        <translation>创建填充演示数据的数据库</translation>
    </message>
    <message>
        <source>do nothing when the database is already set up</source>
        <translation>数据库已初始化时不做任何操作</translation>
    </message>
    <message>
        <source>set up a new database without the GUI</source>
        <translation>不启动界面，直接初始化新数据库</translation>
    </message>
    <message>
        <source>administrator user name</source>
        <translation>管理员用户名</translation>
    </message>
    <message>
        <source>administrator&apos;s full name</source>
        <translation>管理员姓名</translation>
    </message>
    <message>
        <source>verify the database and the audit chain</source>
        <translation>校验数据库及审计链</translation>
    </message>
    <message>
        <source>act as this user (password from REQDESK_PASSWORD)</source>
        <translation>以此用户身份操作（密码取自 REQDESK_PASSWORD）</translation>
    </message>
    <message>
        <source>import records from a file</source>
        <translation>从文件导入记录</translation>
    </message>
    <message>
        <source>customer files from .xlsx</source>
        <translation>从 .xlsx 导入客户档案</translation>
    </message>
    <message>
        <source>check the file, write nothing</source>
        <translation>只检查文件，不写入</translation>
    </message>
    <message>
        <source>import the valid rows even when others are wrong</source>
        <translation>即使有错误行，也导入正确的行</translation>
    </message>
    <message>
        <source>holidays and make-up working days from a date,kind,name file</source>
        <translation>从“日期,类型,名称”文件导入节假日和调休上班日</translation>
    </message>
    <message>
        <source>the file is each year&apos;s whole schedule: remove days it omits</source>
        <translation>文件即各年份的完整安排：删除文件未列出的日期</translation>
    </message>
    <message>
        <source>export records to a file</source>
        <translation>导出记录到文件</translation>
    </message>
    <message>
        <source>customer files to .xlsx</source>
        <translation>导出客户档案到 .xlsx</translation>
    </message>
    <message>
        <source>write the empty import template instead</source>
        <translation>改为写出空白导入模板</translation>
    </message>
    <message>
        <source>the tracking ledger to .xlsx</source>
        <translation>跟踪台账导出为 .xlsx</translation>
    </message>
    <message>
        <source>received on or after this day (YYYY-MM-DD)</source>
        <translation>接收日期不早于此日（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>received on or before this day (YYYY-MM-DD)</source>
        <translation>接收日期不晚于此日（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>print a form to PDF</source>
        <translation>将表单打印为 PDF</translation>
    </message>
    <message>
        <source>the customer data card</source>
        <translation>客户资料卡</translation>
    </message>
    <message>
        <source>the registration form of a requirement</source>
        <translation>需求的顾客服务信息登记表</translation>
    </message>
    <message>
        <source>the internal liaison form of a dispatched requirement</source>
        <translation>已分派需求的内部联络单</translation>
    </message>
    <message>
        <source>the contract review record of a review</source>
        <translation>评审的合同评审表</translation>
    </message>
    <message>
        <source>the weekly tracking ledger</source>
        <translation>每周跟踪台账</translation>
    </message>
    <message>
        <source>ISO week (default: this week)</source>
        <translation>ISO 周（默认：本周）</translation>
    </message>
    <message>
        <source>the monthly requirement analysis report</source>
        <translation>每月需求分析报告</translation>
    </message>
    <message>
        <source>month (default: last month)</source>
        <translation>月份（默认：上月）</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>必须是整数</translation>
    </message>
    <message>
        <source>must be 0 or more</source>
        <translation>必须大于或等于 0</translation>
    </message>
    <message>
        <source>use the form YYYY-MM-DD</source>
        <translation>请使用 YYYY-MM-DD 格式</translation>
    </message>
    <message>
        <source>Set REQDESK_PASSWORD or run in a terminal to type the password.</source>
        <translation>请设置 REQDESK_PASSWORD，或在终端中运行以输入密码。</translation>
    </message>
    <message>
        <source>Password for {user}: </source>
        <translation>{user} 的密码：</translation>
    </message>
    <message>
        <source>To put the newest good backup back: reqdesk restore --latest</source>
        <translation>恢复最新的完好备份：reqdesk restore --latest</translation>
    </message>
    <message>
        <source>Cannot use {file}: {reason}</source>
        <translation>无法使用 {file}：{reason}</translation>
    </message>
    <message>
        <source>Interrupted.</source>
        <translation>已中断。</translation>
    </message>
    <message>
        <source>{db} is already set up. Demo data go only into a new database: choose another file with --db.</source>
        <translation>{db} 已经初始化。演示数据只能写入新数据库：请用 --db 指定另一个文件。</translation>
    </message>
    <message>
        <source>Demo database {db}: {customers} customers, {requirements} requirements in {seconds:.1f} s.</source>
        <translation>演示数据库 {db}：{customers} 个客户，{requirements} 条需求，用时 {seconds:.1f} 秒。</translation>
    </message>
    <message>
        <source>Demo users: {users}; password: {password}</source>
        <translation>演示用户：{users}；密码：{password}</translation>
    </message>
    <message>
        <source>{db} is set up. Sign in as {user}.</source>
        <translation>{db} 已初始化。请以 {user} 登录。</translation>
    </message>
    <message>
        <source>{db}: no problems found.</source>
        <translation>{db}：未发现问题。</translation>
    </message>
    <message>
        <source>{db}: {n} problem(s) found.</source>
        <translation>{db}：发现 {n} 个问题。</translation>
    </message>
    <message>
        <source>--smoke needs --user (password from REQDESK_PASSWORD).</source>
        <translation>--smoke 需要同时指定 --user（密码取自 REQDESK_PASSWORD）。</translation>
    </message>
    <message>
        <source>Name the user to act as with --user NAME.</source>
        <translation>请用 --user 用户名 指定操作用户。</translation>
    </message>
    <message>
        <source>The password of {user} was reset: start reqdesk and choose a new password first.</source>
        <translation>{user} 的密码已被重置：请先启动 reqdesk 并设置新密码。</translation>
    </message>
    <message>
        <source>{year}: calendar version {version}.</source>
        <translation>{year} 年：日历第 {version} 版。</translation>
    </message>
    <message>
        <source>Row {row}, {column}: {message}</source>
        <translation>第 {row} 行，{column}：{message}</translation>
    </message>
    <message>
        <source>{file}: {rows} rows, {new} new, {updated} updated, {unchanged} unchanged.</source>
        <translation>{file}：共 {rows} 行，新增 {new}，更新 {updated}，未变 {unchanged}。</translation>
    </message>
    <message>
        <source>Dry run: nothing was written.</source>
        <translation>试运行：未写入任何内容。</translation>
    </message>
    <message>
        <source>Nothing was written: correct the rows above, or use --valid-only to import only the valid rows.</source>
        <translation>未写入任何内容：请更正以上各行，或使用 --valid-only 只导入正确的行。</translation>
    </message>
    <message>
        <source>Rows left out: {rows}</source>
        <translation>未导入的行：{rows}</translation>
    </message>
    <message>
        <source>Template written to {file}.</source>
        <translation>模板已写入 {file}。</translation>
    </message>
    <message>
        <source>{n} customers written to {file}.</source>
        <translation>已将 {n} 个客户写入 {file}。</translation>
    </message>
    <message>
        <source>--from {first} lies after --to {last}.</source>
        <translation>--from {first} 晚于 --to {last}。</translation>
    </message>
    <message>
        <source>{n} requirements written to {file}.</source>
        <translation>已将 {n} 条需求写入 {file}。</translation>
    </message>
    <message>
        <source>Written to {file}.</source>
        <translation>已写入 {file}。</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>{file} is a folder.</source>
        <translation>{file} 是一个文件夹。</translation>
    </message>
    <message>
        <source>{file} is read-only.</source>
        <translation>{file} 是只读文件。</translation>
    </message>
    <message>
        <source>{text} is not a week: write it as 2026-W47.</source>
        <translation>{text} 不是有效的周：请写成 2026-W47 的形式。</translation>
    </message>
    <message>
        <source>{text} is not a month: write it as 2026-10.</source>
        <translation>{text} 不是有效的月份：请写成 2026-10 的形式。</translation>
    </message>
    <message>
        <source>copy the database to a checked backup file</source>
        <translation>将数据库复制为经过检查的备份文件</translation>
    </message>
    <message>
        <source>where to write it (default: the backups folder)</source>
        <translation>写到哪里（默认：备份文件夹）</translation>
    </message>
    <message>
        <source>list the backups instead</source>
        <translation>改为列出已有备份</translation>
    </message>
    <message>
        <source>put a backup back in place of the database</source>
        <translation>用备份替换当前数据库</translation>
    </message>
    <message>
        <source>the newest good backup</source>
        <translation>最新的完好备份</translation>
    </message>
    <message>
        <source>manage user accounts</source>
        <translation>管理用户账号</translation>
    </message>
    <message>
        <source>set a new password (the user must change it at next sign-in)</source>
        <translation>设置新密码（用户下次登录时必须修改）</translation>
    </message>
    <message>
        <source>backup and restore work on SQLite files; back up PostgreSQL with pg_dump.</source>
        <translation>备份和恢复针对 SQLite 文件；PostgreSQL 请用 pg_dump 备份。</translation>
    </message>
    <message>
        <source>There is no database at {db}.</source>
        <translation>{db} 处没有数据库。</translation>
    </message>
    <message>
        <source>{file} already exists. Choose another name.</source>
        <translation>{file} 已存在，请换一个文件名。</translation>
    </message>
    <message>
        <source>Backed up {db} to {file} (integrity check ok).</source>
        <translation>已将 {db} 备份到 {file}（完整性检查通过）。</translation>
    </message>
    <message>
        <source>No backups of {db} yet.</source>
        <translation>{db} 还没有备份。</translation>
    </message>
    <message>
        <source>There is no good backup of {db}.</source>
        <translation>{db} 没有完好的备份。</translation>
    </message>
    <message>
        <source>Restored {db} from {file}.</source>
        <translation>已从 {file} 恢复 {db}。</translation>
    </message>
    <message>
        <source>The database as it was is kept as {file}.</source>
        <translation>恢复前的数据库保存为 {file}。</translation>
    </message>
    <message>
        <source>There is no user {name}.</source>
        <translation>没有用户 {name}。</translation>
    </message>
    <message>
        <source>The password of {name} was reset; they must choose a new one at next sign-in.</source>
        <translation>{name} 的密码已重置；该用户下次登录时必须设置新密码。</translation>
    </message>
    <message>
        <source>Set REQDESK_NEW_PASSWORD or run in a terminal to type it.</source>
        <translation>请设置 REQDESK_NEW_PASSWORD，或在终端中运行以输入新密码。</translation>
    </message>
    <message>
        <source>New password for {user}: </source>
        <translation>{user} 的新密码：</translation>
    </message>
    <message>
        <source>Type it again: </source>
        <translation>再输入一次：</translation>
    </message>
    <message>
        <source>The two passwords differ. Nothing was changed.</source>
        <translation>两次输入的密码不一致，未做任何修改。</translation>
    </message>
    <message>
        <source>exchange records with other sites as package files</source>
        <translation>以同步包文件与其他站点交换记录</translation>
    </message>
    <message>
        <source>write what changed since the last package to that site</source>
        <translation>写出自上次发给该站点以来的变更</translation>
    </message>
    <message>
        <source>the site it is for (default: any site)</source>
        <translation>接收站点（默认：任意站点）</translation>
    </message>
    <message>
        <source>apply another site&apos;s package</source>
        <translation>导入其他站点的同步包</translation>
    </message>
    <message>
        <source>list the conflicts waiting for review</source>
        <translation>列出待核查的冲突</translation>
    </message>
    <message>
        <source>Package {sequence} for {site}: {n} records written to {file}.</source>
        <translation>发给 {site} 的第 {sequence} 号同步包：已将 {n} 条记录写入 {file}。</translation>
    </message>
    <message>
        <source>any site</source>
        <translation>任意站点</translation>
    </message>
    <message>
        <source>Package {sequence} from {site}: new {new}, updated {updated}, conflicts {conflicts}, skipped {skipped}, deleted {deleted}.</source>
        <translation>来自 {site} 的第 {sequence} 号同步包：新增 {new}，更新 {updated}，冲突 {conflicts}，跳过 {skipped}，删除 {deleted}。</translation>
    </message>
    <message>
        <source>Left out: {problem}</source>
        <translation>未导入：{problem}</translation>
    </message>
    <message>
        <source>See the conflicts: reqdesk sync conflicts, or Tools → Sync.</source>
        <translation>查看冲突：reqdesk sync conflicts，或“工具 → 同步”。</translation>
    </message>
    <message>
        <source>{when}  {table} {label}: kept {kept}, set aside {other} ({fields})</source>
        <translation>{when}  {table} {label}：保留 {kept} 的版本，另存 {other} 的版本（{fields}）</translation>
    </message>
    <message>
        <source>{n} conflicts to review.</source>
        <translation>共 {n} 个冲突待核查。</translation>
    </message>
</context>
<context>
    <name>CompanyPage</name>
    <message>
        <source>Company and site</source>
        <translation>公司和站点</translation>
    </message>
    <message>
        <source>The company name is printed on every form. The site code starts every record number (for example SH01-RQ-2026-00001) and cannot be changed later.</source>
        <translation>公司名称印在每张表单上。站点代码是所有记录编号的前缀（例如 SH01-RQ-2026-00001），设定后不能更改。</translation>
    </message>
    <message>
        <source>The company&apos;s name and logo head every printed form.</source>
        <translation>公司名称和标志印在每份打印表单的页眉。</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>公司名称</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>选择(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Remove logo</source>
        <translation>删除标志(&amp;R)</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>公司标志</translation>
    </message>
    <message>
        <source>Site code</source>
        <translation>站点代码</translation>
    </message>
    <message>
        <source>PNG or JPEG, at most {kb} KB and {px} pixels a side.</source>
        <translation>PNG 或 JPEG 图片，不超过 {kb} KB，每边不超过 {px} 像素。</translation>
    </message>
    <message>
        <source>The site code starts every record number (for example {example}). It was set when this database was first set up and cannot be changed: numbers already given, and records sent to head office, must keep it.</source>
        <translation>站点代码是每个记录编号的开头（例如 {example}）。它在首次设置本数据库时确定，不能更改：已编出的编号和已报送总部的记录都必须保持不变。</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>无标志</translation>
    </message>
    <message>
        <source>Choose the company logo</source>
        <translation>选择公司标志</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg);;All files (*)</source>
        <translation>图片 (*.png *.jpg *.jpeg);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>没有任何修改。</translation>
    </message>
    <message>
        <source>Saved. Forms printed from now on show the new name and logo.</source>
        <translation>已保存。此后打印的表单使用新的名称和标志。</translation>
    </message>
</context>
<context>
    <name>ConflictDetail</name>
    <message>
        <source>Note (optional): what you did about it</source>
        <translation>备注（可选）：您做了哪些处理</translation>
    </message>
    <message>
        <source>&amp;Mark as reviewed</source>
        <translation>标记为已核查(&amp;M)</translation>
    </message>
    <message>
        <source>No conflict chosen.</source>
        <translation>未选择冲突。</translation>
    </message>
    <message>
        <source>Reviewed by {name} at {time}. Note: {note}</source>
        <translation>{name} 已于 {time} 核查。备注：{note}</translation>
    </message>
    <message>
        <source>Reviewed by {name} at {time}.</source>
        <translation>{name} 已于 {time} 核查。</translation>
    </message>
    <message>
        <source>The same customer (same name or credit code) was filed at {kept} and at {other}. Both files are kept; if they are one company, carry over what the other file holds by hand, then mark this as reviewed.</source>
        <translation>同一客户（名称或统一社会信用代码相同）在 {kept} 和 {other} 两个站点都建了档案。两份档案都已保留；如确为同一家公司，请手工把另一份档案中的内容补录过来，然后标记为已核查。</translation>
    </message>
    <message>
        <source>This record was changed at {kept} and at {other} before the two sites exchanged packages. The version from {kept} was kept, by the rule: the version holding more changes made at the record&apos;s home site ({home}) wins, and when that is even, the later change. The version from {other} is set aside here; carry over by hand what it should keep, then mark this as reviewed.</source>
        <translation>两个站点交换同步包之前，此记录在 {kept} 和 {other} 都被修改过。按规则保留了 {kept} 的版本：包含记录所属站点（{home}）修改次数较多的版本优先；次数相同时，以较晚的修改为准。{other} 的版本留存在此；如其中有应保留的内容，请手工补录，然后标记为已核查。</translation>
    </message>
    <message>
        <source>File from {site}, changed {time}</source>
        <translation>{site} 的档案，修改于 {time}</translation>
    </message>
    <message>
        <source>Kept: {site}, changed {time}</source>
        <translation>已保留：{site}，修改于 {time}</translation>
    </message>
    <message>
        <source>Set aside: {site}, changed {time}</source>
        <translation>未采用：{site}，修改于 {time}</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <source>When a record was changed at two sites before they exchanged packages, one version is kept everywhere and the other is listed here. Check each one, change the record by hand where the other version should win, then mark it reviewed.</source>
        <translation>如果一条记录在两个站点交换同步包之前都被修改过，各站点都会保留同一个版本，另一个版本列在这里。请逐条核查；如应以另一个版本为准，请手工修改记录，然后标记为已核查。</translation>
    </message>
    <message>
        <source>Show &amp;reviewed conflicts too</source>
        <translation>同时显示已核查的冲突(&amp;R)</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Home site</source>
        <translation>所属站点</translation>
    </message>
    <message>
        <source>From site</source>
        <translation>来自站点</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>核查</translation>
    </message>
    <message>
        <source>Filed at two sites</source>
        <translation>两个站点重复建档</translation>
    </message>
    <message>
        <source>Changed at two sites</source>
        <translation>两个站点都有修改</translation>
    </message>
    <message>
        <source>Open: {n}</source>
        <translation>待核查：{n}</translation>
    </message>
</context>
<context>
    <name>ContactChannel</name>
    <message>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>调查</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>ContactsEditor</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>主要联系人</translation>
    </message>
    <message>
        <source>Add contact</source>
        <translation>添加联系人</translation>
    </message>
    <message>
        <source>Remove contact</source>
        <translation>删除联系人</translation>
    </message>
    <message>
        <source>Contact {n}: {message}</source>
        <translation>联系人 {n}：{message}</translation>
    </message>
</context>
<context>
    <name>ContractType</name>
    <message>
        <source>Regular</source>
        <translation>常规合同</translation>
    </message>
    <message>
        <source>Special</source>
        <translation>特殊合同</translation>
    </message>
    <message>
        <source>Temporary</source>
        <translation>临时合同</translation>
    </message>
</context>
<context>
    <name>CreditSection</name>
    <message>
        <source>Credit grade</source>
        <translation>信用等级</translation>
    </message>
    <message>
        <source>Credit note</source>
        <translation>信用说明</translation>
    </message>
</context>
<context>
    <name>CustomerCard</name>
    <message>
        <source>Customer data card</source>
        <translation>客户资料卡</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>所属行业</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>客户类别</translation>
    </message>
    <message>
        <source>Custodian</source>
        <translation>管理人</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>审批状态</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>Qualifications</source>
        <translation>法人资质</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Credit, production information, transactions and the relationship log are confidential and not printed for you.</source>
        <translation>信用状况、生产信息、交易记录及客户关系维护记录属保密内容，未为您打印。</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>信用状况</translation>
    </message>
    <message>
        <source>Credit grade</source>
        <translation>信用等级</translation>
    </message>
    <message>
        <source>Credit note</source>
        <translation>信用说明</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>生产信息</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>生产工艺</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>生产规模</translation>
    </message>
    <message>
        <source>Raw materials</source>
        <translation>使用原料</translation>
    </message>
    <message>
        <source>Investment</source>
        <translation>企业生产投资</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>以往交易记录</translation>
    </message>
    <message>
        <source>Contract no.</source>
        <translation>合同编号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Relationship log (last 10)</source>
        <translation>客户关系维护记录（最近 10 条）</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
</context>
<context>
    <name>CustomerClass</name>
    <message>
        <source>Key customer</source>
        <translation>重点客户</translation>
    </message>
    <message>
        <source>General customer</source>
        <translation>一般客户</translation>
    </message>
    <message>
        <source>Potential customer</source>
        <translation>潜在客户</translation>
    </message>
</context>
<context>
    <name>CustomerEditor</name>
    <message>
        <source>Approve</source>
        <translation>审批通过</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>驳回…</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>信用状况</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>生产信息</translation>
    </message>
    <message>
        <source>Relationship log</source>
        <translation>关系维护记录</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>以往交易记录</translation>
    </message>
    <message>
        <source>Requirements</source>
        <translation>客户需求</translation>
    </message>
    <message>
        <source>Access…</source>
        <translation>授权查阅…</translation>
    </message>
    <message>
        <source>Who may open the confidential sections</source>
        <translation>设定可查看保密内容的人员</translation>
    </message>
    <message>
        <source>Print data card…</source>
        <translation>打印资料卡…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Customer name *</source>
        <translation>客户名称 *</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Qualifications (licence, tax registration)</source>
        <translation>法人资质（营业执照、税务登记）</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>所属行业</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>客户类别</translation>
    </message>
    <message>
        <source>Custodian</source>
        <translation>管理人</translation>
    </message>
    <message>
        <source>New customer file</source>
        <translation>新建客户档案</translation>
    </message>
    <message>
        <source>Customer file {code}</source>
        <translation>客户档案 {code}</translation>
    </message>
    <message>
        <source>Saved. The file waits for the general manager&apos;s approval.</source>
        <translation>已保存。档案等待总经理审批。</translation>
    </message>
    <message>
        <source>Reject customer file</source>
        <translation>驳回客户档案</translation>
    </message>
    <message>
        <source>Reason for rejecting:</source>
        <translation>驳回理由：</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>Save the changes to this customer file?</source>
        <translation>是否保存对此客户档案的修改？</translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <source>Type part of the name, short name or code</source>
        <translation>输入名称、简称或编号的一部分</translation>
    </message>
</context>
<context>
    <name>CustomerSheet</name>
    <message>
        <source>Customer code</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Qualifications</source>
        <translation>法人资质</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>客户类别</translation>
    </message>
    <message>
        <source>Custodian</source>
        <translation>管理人</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Contact title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Credit grade</source>
        <translation>信用等级</translation>
    </message>
    <message>
        <source>Credit note</source>
        <translation>信用状况</translation>
    </message>
    <message>
        <source>Production process</source>
        <translation>生产工艺</translation>
    </message>
    <message>
        <source>Production scale</source>
        <translation>生产规模</translation>
    </message>
    <message>
        <source>Raw materials</source>
        <translation>使用原料</translation>
    </message>
    <message>
        <source>Production investment</source>
        <translation>企业生产投资</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>填写说明</translation>
    </message>
    <message>
        <source>How to fill in this sheet</source>
        <translation>填写说明</translation>
    </message>
    <message>
        <source>One row per contact; repeat the customer&apos;s name on each row of the same customer.</source>
        <translation>每个联系人占一行；同一客户的多行请重复填写客户名称。</translation>
    </message>
    <message>
        <source>The customer name is required; everything else may be left blank. Blank cells never erase what reqdesk already has.</source>
        <translation>客户名称必填，其余可留空。空白单元格不会清除 reqdesk 中已有的内容。</translation>
    </message>
    <message>
        <source>Class: 重点 (key), 一般 (general) or 潜在 (potential).</source>
        <translation>客户类别：重点、一般或潜在。</translation>
    </message>
    <message>
        <source>Credit grade: A, B, C or D. Custodian: a reqdesk user name.</source>
        <translation>信用等级：A、B、C 或 D。管理人：reqdesk 用户名或姓名。</translation>
    </message>
    <message>
        <source>The unified social credit code has 18 characters with a check character (GB 32100-2015).</source>
        <translation>统一社会信用代码为 18 位，末位为校验码（GB 32100-2015）。</translation>
    </message>
    <message>
        <source>Credit and production columns are confidential: only the custodian, supervisors and the general manager may fill them in.</source>
        <translation>信用和生产信息列属保密内容：仅管理人、主管和总经理可以填写。</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
</context>
<context>
    <name>CustomersTab</name>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Custodian</source>
        <translation>管理人</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>审批状态</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s)</source>
        <translation>
            <numerusform>共 %n 个客户</numerusform>
        </translation>
    </message>
    <message>
        <source>Search name, short name, code, credit code, contact or phone (Ctrl+F)</source>
        <translation>搜索名称、简称、编号、信用代码、联系人或电话（Ctrl+F）</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All custodians</source>
        <translation>全部管理人</translation>
    </message>
    <message>
        <source>Any approval</source>
        <translation>全部审批状态</translation>
    </message>
    <message>
        <source>Any credit grade</source>
        <translation>全部信用等级</translation>
    </message>
    <message>
        <source>Credit grades are confidential: only files you may open are searched.</source>
        <translation>信用等级属保密内容：只在您有权查看的档案中查找。</translation>
    </message>
    <message>
        <source>Due for contact</source>
        <translation>待联系</translation>
    </message>
    <message>
        <source>Key customers not contacted for a month, general customers for a quarter.</source>
        <translation>重点客户一个月、一般客户一个季度未联系。</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Import from Excel…</source>
        <translation>从 Excel 导入…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <source>Print data card…</source>
        <translation>打印资料卡…</translation>
    </message>
    <message>
        <source>Export customers</source>
        <translation>导出客户</translation>
    </message>
    <message>
        <source>customers.xlsx</source>
        <translation>客户档案.xlsx</translation>
    </message>
    <message>
        <source>Exporting customers…</source>
        <translation>正在导出客户…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>{n} customers written to {file}.</source>
        <translation>已将 {n} 个客户写入 {file}。</translation>
    </message>
    <message>
        <source>Preparing the data card…</source>
        <translation>正在生成资料卡…</translation>
    </message>
    <message>
        <source>Data card</source>
        <translation>资料卡</translation>
    </message>
    <message>
        <source>Customer data card</source>
        <translation>客户资料卡</translation>
    </message>
</context>
<context>
    <name>DashboardStrip</name>
    <message>
        <source>Overdue {count}</source>
        <translation>逾期 {count}</translation>
    </message>
    <message>
        <source>Due today {count}</source>
        <translation>今日到期 {count}</translation>
    </message>
    <message>
        <source>Awaiting my sign-off {count}</source>
        <translation>待我会签 {count}</translation>
    </message>
    <message>
        <source>Awaiting return visit {count}</source>
        <translation>待回访 {count}</translation>
    </message>
    <message>
        <source>Overdue requirements: {count}</source>
        <translation>逾期需求：{count}</translation>
    </message>
    <message>
        <source>Requirements due today: {count}</source>
        <translation>今日到期需求：{count}</translation>
    </message>
    <message>
        <source>Reviews awaiting my sign-off: {count}</source>
        <translation>待我会签的评审：{count}</translation>
    </message>
    <message>
        <source>Requirements awaiting a return visit: {count}</source>
        <translation>待回访需求：{count}</translation>
    </message>
    <message>
        <source>Requirements whose response, plan, resolution or customer answer is past its due time. Click to show them in the tracking ledger.</source>
        <translation>答复、处理计划、处理完成或评审后客户答复已过期限而未完成的需求。单击在跟踪台账中查看。</translation>
    </message>
    <message>
        <source>Requirements not overdue yet whose response, plan, resolution or customer answer falls due before midnight. Click to show them in the tracking ledger.</source>
        <translation>尚未逾期、但答复、处理计划、处理完成或评审后客户答复在今天24点前到期的需求。单击在跟踪台账中查看。</translation>
    </message>
    <message>
        <source>Reviews waiting for you: to sign, conclude, negotiate, arbitrate or answer, and amendment notices. Click to show them in Review sign-offs.</source>
        <translation>等待您处理的评审：会签、作出结论、与客户协商、裁定或答复客户，以及修订通知。单击在评审会签中查看。</translation>
    </message>
    <message>
        <source>Resolved requirements whose customer was not yet asked. Click to show them in the tracking ledger.</source>
        <translation>已完成但尚未回访客户的需求。单击在跟踪台账中查看。</translation>
    </message>
</context>
<context>
    <name>DatabasePage</name>
    <message>
        <source>The database reqdesk opens on this PC: a SQLite file on this PC, or a PostgreSQL server that several PCs share. It changes when reqdesk starts next time; the data stay where they are.</source>
        <translation>本机 reqdesk 打开的数据库：本机上的 SQLite 文件，或多台电脑共用的 PostgreSQL 服务器。下次启动 reqdesk 时生效；数据不会被移动。</translation>
    </message>
    <message>
        <source>The default file ({file})</source>
        <translation>默认文件（{file}）</translation>
    </message>
    <message>
        <source>Another SQLite file</source>
        <translation>其他 SQLite 文件</translation>
    </message>
    <message>
        <source>A PostgreSQL server</source>
        <translation>PostgreSQL 服务器</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>Open now: {db}</source>
        <translation>当前打开：{db}</translation>
    </message>
    <message>
        <source>REQDESK_DB is set on this PC and is used instead of this setting.</source>
        <translation>本机设置了环境变量 REQDESK_DB，将优先于此设置使用。</translation>
    </message>
    <message>
        <source>Choose or name a database file</source>
        <translation>选择或命名数据库文件</translation>
    </message>
    <message>
        <source>reqdesk databases (*.db);;All files (*)</source>
        <translation>reqdesk 数据库 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>正在测试连接…</translation>
    </message>
    <message>
        <source>Cannot use this database: {reason}</source>
        <translation>无法使用此数据库：{reason}</translation>
    </message>
    <message>
        <source>Saved. reqdesk opens {db} when it starts next time.</source>
        <translation>已保存。reqdesk 下次启动时将打开 {db}。</translation>
    </message>
</context>
<context>
    <name>DatabaseProbe</name>
    <message>
        <source>There is no database at {db} yet. reqdesk will create a new one there at the next start and ask for the company, site and administrator.</source>
        <translation>{db} 处还没有数据库。reqdesk 下次启动时将在此新建数据库，并询问公司、站点和管理员。</translation>
    </message>
    <message>
        <source>Connected to {db}. It is empty: reqdesk will set it up at the next start.</source>
        <translation>已连接到 {db}。该数据库为空：reqdesk 下次启动时将进行设置。</translation>
    </message>
    <message>
        <source>Connected to {db}. It is not set up yet: reqdesk will ask for the company, site and administrator at the next start.</source>
        <translation>已连接到 {db}。该数据库尚未设置：reqdesk 下次启动时将询问公司、站点和管理员。</translation>
    </message>
    <message>
        <source>Connected to {db}: the reqdesk database of {company} (site {site}). It will be brought up to date at the next start, after a backup.</source>
        <translation>已连接到 {db}：{company}（站点 {site}）的 reqdesk 数据库。下次启动时将先备份，再升级到当前版本。</translation>
    </message>
    <message>
        <source>Connected to {db}: the reqdesk database of {company} (site {site}).</source>
        <translation>已连接到 {db}：{company}（站点 {site}）的 reqdesk 数据库。</translation>
    </message>
</context>
<context>
    <name>DayKind</name>
    <message>
        <source>Holiday</source>
        <translation>节假日</translation>
    </message>
    <message>
        <source>Make-up working day</source>
        <translation>调休上班日</translation>
    </message>
</context>
<context>
    <name>Decision</name>
    <message>
        <source>Can meet</source>
        <translation>可满足</translation>
    </message>
    <message>
        <source>Can meet with conditions</source>
        <translation>有条件满足</translation>
    </message>
    <message>
        <source>Cannot meet</source>
        <translation>不能满足</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>拒绝</translation>
    </message>
</context>
<context>
    <name>DemoPage</name>
    <message>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>reqdesk fills this database with an invented company: 200 customers, 3,000 requirements with their reviews and sign-offs, and a user for every role. Every demo user&apos;s password is demo1234 (administrator: admin; service desk: kefu; supervisor: zhuguan; general manager: zongjingli).

Use a separate database for your real work: demo data never go into a database that is already set up.</source>
        <translation>reqdesk 将在此数据库中填入一家虚构的公司：200 个客户、3,000 条需求及其评审和会签记录，每个角色各有一名用户。所有演示用户的密码均为 demo1234（管理员：admin；客服：kefu；主管：zhuguan；总经理：zongjingli）。

正式工作请使用另一个数据库：演示数据只会写入尚未设置的数据库。</translation>
    </message>
    <message>
        <source>Creating the demo data…</source>
        <translation>正在生成演示数据…</translation>
    </message>
</context>
<context>
    <name>Department</name>
    <message>
        <source>Sales</source>
        <translation>销售部</translation>
    </message>
    <message>
        <source>Technical</source>
        <translation>技术部</translation>
    </message>
    <message>
        <source>Purchasing</source>
        <translation>采购部</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>生产部</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>质量部</translation>
    </message>
    <message>
        <source>Finance</source>
        <translation>财务部</translation>
    </message>
    <message>
        <source>Customer service</source>
        <translation>客服中心</translation>
    </message>
</context>
<context>
    <name>DepartmentDialog</name>
    <message>
        <source>New department</source>
        <translation>新建部门</translation>
    </message>
    <message>
        <source>Edit department</source>
        <translation>编辑部门</translation>
    </message>
    <message>
        <source>for example LOG</source>
        <translation>例如 LOG</translation>
    </message>
    <message>
        <source>(none: does not sign reviews)</source>
        <translation>（无：不参与评审会签）</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Review aspect</source>
        <translation>评审职责</translation>
    </message>
    <message>
        <source>A department code cannot be changed.</source>
        <translation>部门代码不能修改。</translation>
    </message>
</context>
<context>
    <name>DepartmentsPage</name>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Review aspect</source>
        <translation>评审职责</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Active users</source>
        <translation>在用用户数</translation>
    </message>
    <message>
        <source>Reviews go to the one active department answering for each review aspect; the Sales department organises and concludes them.</source>
        <translation>每项评审职责由唯一一个在用部门负责，评审按职责发送给该部门；销售部负责组织并完成评审。</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Activate</source>
        <translation>启用(&amp;A)</translation>
    </message>
</context>
<context>
    <name>DispatchDialog</name>
    <message>
        <source>Dispatch (internal liaison form)</source>
        <translation>分派（内部联络单）</translation>
    </message>
    <message>
        <source>What the department should do, by when</source>
        <translation>请部门做什么、何时完成</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>处理要求</translation>
    </message>
    <message>
        <source>(anyone in the department)</source>
        <translation>（部门内任何人）</translation>
    </message>
</context>
<context>
    <name>DuplicateDialog</name>
    <message>
        <source>Similar open requirements</source>
        <translation>相似的未结需求</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Similarity</source>
        <translation>相似度</translation>
    </message>
    <message>
        <source>Merge into the selected one</source>
        <translation>合并到所选需求</translation>
    </message>
    <message>
        <source>Register as a new requirement</source>
        <translation>作为新需求登记</translation>
    </message>
    <message>
        <source>Back to the form</source>
        <translation>返回表单</translation>
    </message>
    <message>
        <source>This customer has open requirements that look similar. Merging appends the new text to the selected requirement; the new registration keeps a link to it.</source>
        <translation>该客户有相似的未结需求。合并会把新内容追加到所选需求，新登记记录保留指向它的链接。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Unknown user name or wrong password.</source>
        <translation>用户名不存在或密码错误。</translation>
    </message>
    <message>
        <source>This account is disabled. Ask your administrator to enable it.</source>
        <translation>此账号已停用，请联系管理员启用。</translation>
    </message>
    <message>
        <source>This account is locked after five wrong passwords until {time}. Try again then, or ask your administrator to reset the password.</source>
        <translation>密码连续输错五次，账号已锁定至 {time}。请届时再试，或请管理员重置密码。</translation>
    </message>
    <message>
        <source>The password is not correct. Nothing was signed.</source>
        <translation>密码不正确，未签署任何内容。</translation>
    </message>
    <message>
        <source>A password needs at least {n} characters.</source>
        <translation>密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <source>A password cannot start or end with a space.</source>
        <translation>密码不能以空格开头或结尾。</translation>
    </message>
    <message>
        <source>Please sign in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <source>Your role does not allow you to {permission}.</source>
        <translation>您的角色无权{permission}。</translation>
    </message>
    <message>
        <source>The site code must be 2 to 8 letters or digits, for example SH01.</source>
        <translation>站点代码须为 2 到 8 位字母或数字，例如 SH01。</translation>
    </message>
    <message>
        <source>Please enter the company name.</source>
        <translation>请输入公司名称。</translation>
    </message>
    <message>
        <source>The company name is longer than 200 characters.</source>
        <translation>公司名称超过 200 个字符。</translation>
    </message>
    <message>
        <source>reqdesk has no language {language}.</source>
        <translation>reqdesk 没有 {language} 语言。</translation>
    </message>
    <message>
        <source>Name a database file or a PostgreSQL address.</source>
        <translation>请填写数据库文件或 PostgreSQL 地址。</translation>
    </message>
    <message>
        <source>Give the full path of the database file, for example {example}.</source>
        <translation>请填写数据库文件的完整路径，例如 {example}。</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>reqdesk uses a SQLite file or a PostgreSQL server; {scheme}:// is neither.</source>
        <translation>reqdesk 使用 SQLite 文件或 PostgreSQL 服务器；{scheme}:// 两者都不是。</translation>
    </message>
    <message>
        <source>For PostgreSQL use an address that starts with postgresql+psycopg://</source>
        <translation>PostgreSQL 地址须以 postgresql+psycopg:// 开头</translation>
    </message>
    <message>
        <source>Name the server and the database: postgresql+psycopg://user@server/database</source>
        <translation>请写明服务器和数据库：postgresql+psycopg://用户@服务器/数据库</translation>
    </message>
    <message>
        <source>This database is not set up yet. Run reqdesk init or start the program.</source>
        <translation>此数据库尚未初始化。请运行 reqdesk init 或启动程序进行初始化。</translation>
    </message>
    <message>
        <source>This database is already set up.</source>
        <translation>此数据库已经初始化。</translation>
    </message>
    <message>
        <source>A user name has 2 to 32 characters and no spaces.</source>
        <translation>用户名须为 2 到 32 个字符，且不含空格。</translation>
    </message>
    <message>
        <source>Please enter the person&apos;s full name.</source>
        <translation>请输入姓名。</translation>
    </message>
    <message>
        <source>Give the user at least one role.</source>
        <translation>请为用户至少分配一个角色。</translation>
    </message>
    <message>
        <source>A department reviewer must belong to a department.</source>
        <translation>部门评审人必须隶属于某个部门。</translation>
    </message>
    <message>
        <source>The user name {username} is taken.</source>
        <translation>用户名 {username} 已被占用。</translation>
    </message>
    <message>
        <source>Choose a password different from the old one.</source>
        <translation>新密码不能与旧密码相同。</translation>
    </message>
    <message>
        <source>The current password is not correct.</source>
        <translation>当前密码不正确。</translation>
    </message>
    <message>
        <source>{department} is inactive: choose an active department.</source>
        <translation>{department} 已停用，请选择在用的部门。</translation>
    </message>
    <message>
        <source>You cannot disable your own account.</source>
        <translation>不能停用自己的账号。</translation>
    </message>
    <message>
        <source>You cannot remove your own administrator role.</source>
        <translation>不能取消自己的系统管理员角色。</translation>
    </message>
    <message>
        <source>{name} is the last active administrator and cannot be disabled. Give another user the administrator role first.</source>
        <translation>{name} 是最后一位在用的系统管理员，不能停用。请先将系统管理员角色授予其他用户。</translation>
    </message>
    <message>
        <source>{name} is the last active administrator and keeps that role. Give another user the administrator role first.</source>
        <translation>{name} 是最后一位在用的系统管理员，必须保留该角色。请先将系统管理员角色授予其他用户。</translation>
    </message>
    <message>
        <source>That requirement does not exist.</source>
        <translation>该需求不存在。</translation>
    </message>
    <message>
        <source>There is no requirement numbered {number}.</source>
        <translation>没有编号为 {number} 的需求。</translation>
    </message>
    <message>
        <source>A department code has 2 to 16 letters, digits, - or _ (for example QA).</source>
        <translation>部门代码由 2 到 16 个字母、数字、- 或 _ 组成（例如 QA）。</translation>
    </message>
    <message>
        <source>Please enter the department&apos;s name.</source>
        <translation>请输入部门名称。</translation>
    </message>
    <message>
        <source>A department name has at most {n} characters.</source>
        <translation>部门名称最多 {n} 个字符。</translation>
    </message>
    <message>
        <source>The department code {code} is taken.</source>
        <translation>部门代码 {code} 已被使用。</translation>
    </message>
    <message>
        <source>{department} organises and concludes reviews as the Sales department: it keeps the review aspect Sales.</source>
        <translation>{department} 作为销售部门负责组织和完成评审，其评审职责必须保持为“销售”。</translation>
    </message>
    <message>
        <source>{department} is the Sales department, which organises and concludes reviews: it cannot be deactivated.</source>
        <translation>{department} 是负责组织和完成评审的销售部门，不能停用。</translation>
    </message>
    <message>
        <source>{count} active reviewer(s) still belong to {department}: {names}. Move them to another department or disable them first.</source>
        <translation>{department} 仍有 {count} 名在用的评审人：{names}。请先将他们调到其他部门或停用其账号。</translation>
    </message>
    <message>
        <source>That department does not exist.</source>
        <translation>该部门不存在。</translation>
    </message>
    <message>
        <source>There is already a department named {name}.</source>
        <translation>已有名为 {name} 的部门。</translation>
    </message>
    <message>
        <source>{department} already answers for {aspect} in reviews, and only one active department may.</source>
        <translation>{department} 已负责评审中的“{aspect}”，每项评审职责只能由一个在用部门负责。</translation>
    </message>
    <message>
        <source>The department {name} is no longer active. Choose another one (restart reqdesk to refresh the lists).</source>
        <translation>部门“{name}”已停用，请选择其他部门（重新启动 reqdesk 可刷新列表）。</translation>
    </message>
    <message>
        <source>{name} is disabled and cannot be given work. Choose another person (restart reqdesk to refresh the lists).</source>
        <translation>{name} 的账号已停用，不能再分派工作，请选择其他人员（重新启动 reqdesk 可刷新列表）。</translation>
    </message>
    <message>
        <source>The received time {day} lies before the year 2000: check the year.</source>
        <translation>受理时间 {day} 早于 2000 年，请检查年份。</translation>
    </message>
    <message>
        <source>The expected date {day} is more than {years} years away: check the year.</source>
        <translation>期望完成日期 {day} 在 {years} 年以后，请检查年份。</translation>
    </message>
    <message>
        <source>Requirement {number} has been dispatched: its registration is fixed. Only the expected date, contract no. and special flag can change.</source>
        <translation>需求 {number} 已分派，登记内容已固定。只能修改期望完成日期、合同号和特殊要求。</translation>
    </message>
    <message>
        <source>Requirement {number} is {stage} and cannot be dispatched again.</source>
        <translation>需求 {number} 当前为“{stage}”，不能再分派。</translation>
    </message>
    <message>
        <source>A requirement cannot be merged into itself.</source>
        <translation>需求不能合并到自身。</translation>
    </message>
    <message>
        <source>Requirement {number} is closed; merge into an open one.</source>
        <translation>需求 {number} 已结束，请合并到未结需求。</translation>
    </message>
    <message>
        <source>Requirement {number} is already being handled and cannot be merged.</source>
        <translation>需求 {number} 已在处理中，不能合并。</translation>
    </message>
    <message>
        <source>Only requirements of the same customer can be merged.</source>
        <translation>只能合并同一客户的需求。</translation>
    </message>
    <message>
        <source>Walk-in requirements can be merged only when they come from the same phone number.</source>
        <translation>散客需求只有来自同一电话号码时才能合并。</translation>
    </message>
    <message>
        <source>No database given. Name a file or a database address.</source>
        <translation>未指定数据库。请给出数据库文件或数据库地址。</translation>
    </message>
    <message>
        <source>{db} is not a valid database address.</source>
        <translation>{db} 不是有效的数据库地址。</translation>
    </message>
    <message>
        <source>{db} is a folder. Name a database file inside it.</source>
        <translation>{db} 是一个文件夹，请指定其中的数据库文件。</translation>
    </message>
    <message>
        <source>There is no database at {db}.</source>
        <translation>{db} 处没有数据库。</translation>
    </message>
    <message>
        <source>Cannot create the folder {folder}: {reason}</source>
        <translation>无法创建文件夹 {folder}：{reason}</translation>
    </message>
    <message>
        <source>reqdesk cannot use {backend} databases. Use a SQLite file or PostgreSQL.</source>
        <translation>reqdesk 不支持 {backend} 数据库。请使用 SQLite 文件或 PostgreSQL。</translation>
    </message>
    <message>
        <source>The database driver {driver} is not installed. For PostgreSQL use an address that starts with postgresql+psycopg://</source>
        <translation>未安装数据库驱动 {driver}。PostgreSQL 请使用以 postgresql+psycopg:// 开头的地址。</translation>
    </message>
    <message>
        <source>Cannot open the database {db}: {reason}</source>
        <translation>无法打开数据库 {db}：{reason}</translation>
    </message>
    <message>
        <source>{db} cannot be written (the file or its folder is read-only). Copy it to a folder you may write to, or ask your administrator for write access.</source>
        <translation>{db} 无法写入（文件或所在文件夹是只读的）。请将其复制到有写权限的文件夹，或请管理员开通写权限。</translation>
    </message>
    <message>
        <source>{db} is on a network share ({kind}). SQLite cannot lock files reliably over a network, so two PCs writing at once can damage it. Keep the database on this PC&apos;s own disk, or let several PCs share one PostgreSQL database (--db postgresql+psycopg://…).</source>
        <translation>{db} 位于网络共享（{kind}）上。SQLite 无法在网络上可靠地锁定文件，两台电脑同时写入可能损坏数据库。请把数据库放在本机硬盘上；多台电脑共用时请使用 PostgreSQL 数据库（--db postgresql+psycopg://…）。</translation>
    </message>
    <message>
        <source>{db} is damaged (it fails SQLite&apos;s integrity check). Restore the latest good backup, or open another file.</source>
        <translation>{db} 已损坏（未通过 SQLite 完整性检查）。请恢复最新的完好备份，或打开其他文件。</translation>
    </message>
    <message>
        <source>{db} is not a reqdesk database. Choose another file.</source>
        <translation>{db} 不是 reqdesk 数据库，请选择其他文件。</translation>
    </message>
    <message>
        <source>{db} is not a reqdesk database or is damaged.</source>
        <translation>{db} 不是 reqdesk 数据库，或已损坏。</translation>
    </message>
    <message>
        <source>{db} was written by a newer version of reqdesk (schema {revision}). Install the newer reqdesk to open it.</source>
        <translation>{db} 由更新版本的 reqdesk 写入（数据结构版本 {revision}）。请安装新版 reqdesk 后再打开。</translation>
    </message>
    <message>
        <source>The backup {backup} failed its integrity check.</source>
        <translation>备份 {backup} 未通过完整性检查。</translation>
    </message>
    <message>
        <source>Could not back up {db} to {backup}: {reason}</source>
        <translation>无法将 {db} 备份到 {backup}：{reason}</translation>
    </message>
    <message>
        <source>Could not write the backup {backup}: {reason}</source>
        <translation>无法写入备份 {backup}：{reason}</translation>
    </message>
    <message>
        <source>There is no file {file}.</source>
        <translation>文件 {file} 不存在。</translation>
    </message>
    <message>
        <source>{file} is not a reqdesk database or backup.</source>
        <translation>{file} 不是 reqdesk 数据库或备份。</translation>
    </message>
    <message>
        <source>{file} cannot be read: {reason}</source>
        <translation>无法读取 {file}：{reason}</translation>
    </message>
    <message>
        <source>{file} is damaged and cannot be restored.</source>
        <translation>{file} 已损坏，不能用于恢复。</translation>
    </message>
    <message>
        <source>{file} was written by a newer version of reqdesk. Install it first.</source>
        <translation>{file} 由更新版本的 reqdesk 写入，请先安装新版本。</translation>
    </message>
    <message>
        <source>{file} is the database itself. Choose a backup.</source>
        <translation>{file} 就是当前数据库本身，请选择一个备份。</translation>
    </message>
    <message>
        <source>Restoring {backup} failed: {reason}. The previous database is kept as {safety}.</source>
        <translation>从 {backup} 恢复失败：{reason}。原数据库保存为 {safety}。</translation>
    </message>
    <message>
        <source>{db} is open in reqdesk on this or another PC. Close reqdesk everywhere, then restore again. Nothing was changed.</source>
        <translation>{db} 正在本机或其他电脑上的 reqdesk 中打开。请先关闭所有 reqdesk，再重新恢复。未做任何修改。</translation>
    </message>
    <message>
        <source>The damaged file {db} cannot be moved aside: {reason}. Close every program using it and try again.</source>
        <translation>无法移走损坏的文件 {db}：{reason}。请关闭所有正在使用它的程序后重试。</translation>
    </message>
    <message>
        <source>{file} is a folder, not a workbook.</source>
        <translation>{file} 是文件夹，不是工作簿。</translation>
    </message>
    <message>
        <source>{file} is empty.</source>
        <translation>{file} 是空文件。</translation>
    </message>
    <message>
        <source>{file} is in the old Excel 97–2003 format. Open it in Excel and save it as an .xlsx workbook.</source>
        <translation>{file} 是旧版 Excel 97–2003 格式。请在 Excel 中打开并另存为 .xlsx 工作簿。</translation>
    </message>
    <message>
        <source>{file} is protected by a password. Open it in Excel, remove the password and save it again.</source>
        <translation>{file} 设有打开密码。请在 Excel 中打开，取消密码后重新保存。</translation>
    </message>
    <message>
        <source>{file} is not an Excel workbook (.xlsx). Choose an .xlsx file.</source>
        <translation>{file} 不是 Excel 工作簿（.xlsx）。请选择 .xlsx 文件。</translation>
    </message>
    <message>
        <source>{file} is damaged: part of it cannot be read. Open it in Excel, save it again and import the saved copy.</source>
        <translation>{file} 已损坏，其中部分内容无法读取。请在 Excel 中打开并重新保存，然后导入保存后的文件。</translation>
    </message>
    <message>
        <source>{file} has no rows.</source>
        <translation>{file} 没有任何行。</translation>
    </message>
    <message>
        <source>No header row found in {file}: one of the first {n} rows must name the columns, including the customer name (客户名称).</source>
        <translation>在 {file} 中找不到表头：前 {n} 行中须有一行列出各列名称，并包含“客户名称”。</translation>
    </message>
    <message>
        <source>Sheet {sheet} of {file} has no customer rows under its header (row {row}).</source>
        <translation>{file} 的工作表“{sheet}”在表头（第 {row} 行）下方没有任何客户行。</translation>
    </message>
    <message>
        <source>This part of the customer file is confidential. Only the custodian, supervisors, the general manager and users granted access may open it.</source>
        <translation>这部分客户档案属保密内容，仅管理人、主管、总经理及获授权人员可以查看。</translation>
    </message>
    <message>
        <source>That customer file does not exist.</source>
        <translation>该客户档案不存在。</translation>
    </message>
    <message>
        <source>There is no customer file with the code {code}.</source>
        <translation>没有编号为 {code} 的客户档案。</translation>
    </message>
    <message>
        <source>There is already a customer file {code} named {name}: open that one.</source>
        <translation>已有名为 {name} 的客户档案 {code}，请打开该档案。</translation>
    </message>
    <message>
        <source>This credit code belongs to customer file {code} ({name}): open that one.</source>
        <translation>该信用代码已属于客户档案 {code}（{name}），请打开该档案。</translation>
    </message>
    <message>
        <source>Choose an existing user.</source>
        <translation>请选择已有的用户。</translation>
    </message>
    <message>
        <source>Only the current custodian, a supervisor or the general manager may hand a customer file to another custodian.</source>
        <translation>只有现任管理人、主管或总经理可以将客户档案移交给其他管理人。</translation>
    </message>
    <message>
        <source>Customer file {code} was changed by someone else after you opened it. Close it and open it again to see the changes.</source>
        <translation>客户档案 {code} 在您打开后已被他人修改。请关闭后重新打开查看最新内容。</translation>
    </message>
    <message>
        <source>Customer file {code} is not waiting for approval.</source>
        <translation>客户档案 {code} 不在待审批状态。</translation>
    </message>
    <message>
        <source>Give a reason for rejecting.</source>
        <translation>请填写驳回理由。</translation>
    </message>
    <message>
        <source>Please correct the marked fields ({n}).</source>
        <translation>请更正标出的 {n} 处内容。</translation>
    </message>
    <message>
        <source>A unified social credit code has 18 characters; this one has {n}.</source>
        <translation>统一社会信用代码应为 18 位，此处为 {n} 位。</translation>
    </message>
    <message>
        <source>A unified social credit code uses digits and capital letters except I, O, Z, S, V; this one contains {chars}.</source>
        <translation>统一社会信用代码由数字和除 I、O、Z、S、V 以外的大写字母组成，此处含有 {chars}。</translation>
    </message>
    <message>
        <source>The check character (the last one) of this credit code should be {expected}: please compare the code with the business licence.</source>
        <translation>此信用代码的校验码（最后一位）应为 {expected}，请与营业执照核对。</translation>
    </message>
    <message>
        <source>A mobile number has 11 digits starting with 13–19, for example 13812345678.</source>
        <translation>手机号码为 11 位，以 13–19 开头，例如 13812345678。</translation>
    </message>
    <message>
        <source>A telephone number has 7 to 15 digits, for example 021-62345678 or 0512-6234567转801.</source>
        <translation>电话号码应有 7 到 15 位数字，例如 021-62345678 或 0512-6234567转801。</translation>
    </message>
    <message>
        <source>This is not an e-mail address (name@example.com).</source>
        <translation>这不是电子邮件地址（例如 name@example.com）。</translation>
    </message>
    <message>
        <source>This is not a web address (www.example.com).</source>
        <translation>这不是网址（例如 www.example.com）。</translation>
    </message>
    <message>
        <source>Remove the characters the printed form cannot show (emoji or control characters): {chars}</source>
        <translation>请删除打印表单无法显示的字符（表情符号或控制字符）：{chars}</translation>
    </message>
    <message>
        <source>At most {limit} characters, please ({n} now).</source>
        <translation>最多 {limit} 个字符（当前 {n} 个）。</translation>
    </message>
    <message>
        <source>The customer name is required.</source>
        <translation>客户名称必须填写。</translation>
    </message>
    <message>
        <source>Each contact needs a name.</source>
        <translation>每位联系人都需要填写姓名。</translation>
    </message>
    <message>
        <source>The code, credit code and name of this row point to different customer files.</source>
        <translation>本行的编号、信用代码和名称分别对应不同的客户档案。</translation>
    </message>
    <message>
        <source>Row {first} gives this customer a different value here.</source>
        <translation>第 {first} 行为同一客户在此列填写了不同的内容。</translation>
    </message>
    <message>
        <source>Use 重点, 一般 or 潜在 (key, general, potential).</source>
        <translation>请填写 重点、一般 或 潜在。</translation>
    </message>
    <message>
        <source>Several users are called {name}: give the user name instead.</source>
        <translation>有多位用户名为 {name}，请改填用户名。</translation>
    </message>
    <message>
        <source>There is no user called {name}.</source>
        <translation>没有名为 {name} 的用户。</translation>
    </message>
    <message>
        <source>You may not fill in the confidential columns of this customer&apos;s file.</source>
        <translation>您无权填写此客户档案的保密内容。</translation>
    </message>
    <message>
        <source>The credit grade is A, B, C or D.</source>
        <translation>信用等级为 A、B、C 或 D。</translation>
    </message>
    <message>
        <source>Enter the date of the contact.</source>
        <translation>请填写联系日期。</translation>
    </message>
    <message>
        <source>Who made the contact?</source>
        <translation>请填写联系人员。</translation>
    </message>
    <message>
        <source>Enter a number, for example 1200 or 35.5.</source>
        <translation>请输入数字，例如 1200 或 35.5。</translation>
    </message>
    <message>
        <source>The number cannot be negative.</source>
        <translation>数值不能为负数。</translation>
    </message>
    <message>
        <source>Enter a number from 0 to {largest}.</source>
        <translation>请输入 0 到 {largest} 之间的数。</translation>
    </message>
    <message>
        <source>At most {places} decimal places, please.</source>
        <translation>最多保留 {places} 位小数。</translation>
    </message>
    <message>
        <source>Enter the contract number.</source>
        <translation>请填写合同编号。</translation>
    </message>
    <message>
        <source>Enter the contract date.</source>
        <translation>请填写合同日期。</translation>
    </message>
    <message>
        <source>Enter the product.</source>
        <translation>请填写产品。</translation>
    </message>
    <message>
        <source>That entry no longer exists.</source>
        <translation>该记录已不存在。</translation>
    </message>
    <message>
        <source>That user does not exist.</source>
        <translation>该用户不存在。</translation>
    </message>
    <message>
        <source>{day} is not in {year}.</source>
        <translation>{day} 不在 {year} 年内。</translation>
    </message>
    <message>
        <source>{day}: choose holiday or make-up working day.</source>
        <translation>{day}：请选择“节假日”或“调休上班”。</translation>
    </message>
    <message>
        <source>{day} is a weekday already; only a weekend day can be a make-up working day.</source>
        <translation>{day} 本来就是工作日；只有周末才能设为调休上班日。</translation>
    </message>
    <message>
        <source>Choose a year between 2000 and 2100.</source>
        <translation>请选择 2000 到 2100 之间的年份。</translation>
    </message>
    <message>
        <source>{file} is a folder, not a calendar file.</source>
        <translation>{file} 是文件夹，不是日历文件。</translation>
    </message>
    <message>
        <source>{file} is far too large for a calendar file: choose another file.</source>
        <translation>{file} 太大，不可能是日历文件，请选择其他文件。</translation>
    </message>
    <message>
        <source>The calendar file cannot be read.</source>
        <translation>无法读取日历文件。</translation>
    </message>
    <message>
        <source>These lines of the calendar file are not &quot;date,holiday|workday,name&quot;: {lines}</source>
        <translation>日历文件的以下行不符合“日期,休|班,名称”格式：{lines}</translation>
    </message>
    <message>
        <source>The calendar file has no days.</source>
        <translation>日历文件中没有日期。</translation>
    </message>
    <message>
        <source>The program has no official schedule for {year}.</source>
        <translation>程序没有 {year} 年的官方放假安排。</translation>
    </message>
    <message>
        <source>This cannot be a phone number: use a mobile (13812345678) or a telephone number (021-62345678).</source>
        <translation>这不是电话号码：请填写手机号（13812345678）或固定电话（021-62345678）。</translation>
    </message>
    <message>
        <source>The received time is in the future.</source>
        <translation>受理时间不能晚于现在。</translation>
    </message>
    <message>
        <source>Choose a customer from the files, or enter the walk-in contact&apos;s name.</source>
        <translation>请从客户档案中选择顾客，或填写散客名称。</translation>
    </message>
    <message>
        <source>A walk-in contact needs a phone number to be called back.</source>
        <translation>散客需要留下联系电话以便回复。</translation>
    </message>
    <message>
        <source>Give the requirement a short title.</source>
        <translation>请为需求填写简短标题。</translation>
    </message>
    <message>
        <source>The expected date {day} lies before the day the requirement came in.</source>
        <translation>期望完成日期 {day} 早于受理日期。</translation>
    </message>
    <message>
        <source>The expected date {day} has already passed.</source>
        <translation>期望完成日期 {day} 已经过去了。</translation>
    </message>
    <message>
        <source>Choose the responsible department for this person.</source>
        <translation>请为该责任人选择责任部门。</translation>
    </message>
    <message>
        <source>The value is scored from 1 to 5.</source>
        <translation>价值评分为 1 到 5。</translation>
    </message>
    <message>
        <source>Requirement {number} has not been dispatched yet: there is no liaison form.</source>
        <translation>需求 {number} 尚未分派，没有内部联络单。</translation>
    </message>
    <message>
        <source>Enter a number from 0 to 9,999,999,999,999.</source>
        <translation>请输入 0 到 9,999,999,999,999 之间的数。</translation>
    </message>
    <message>
        <source>Enter the new delivery date or quantity.</source>
        <translation>请输入新的交货期或数量。</translation>
    </message>
    <message>
        <source>With this change the contract is a special one by the rules: void it and re-sign it, so that it goes to a meeting review.</source>
        <translation>按规则，变更后该合同属于特殊合同：请作废重签，以便进行会议评审。</translation>
    </message>
    <message>
        <source>Describe the amendment.</source>
        <translation>请说明修订内容。</translation>
    </message>
    <message>
        <source>Name who signed the changed clause for the customer.</source>
        <translation>请填写代表客户签署变更条款的人。</translation>
    </message>
    <message>
        <source>That notice does not exist.</source>
        <translation>该通知不存在。</translation>
    </message>
    <message>
        <source>The notice is for another department.</source>
        <translation>该通知是发给其他部门的。</translation>
    </message>
    <message>
        <source>That review does not exist.</source>
        <translation>该评审不存在。</translation>
    </message>
    <message>
        <source>There is no review numbered {number}.</source>
        <translation>没有编号为 {number} 的评审。</translation>
    </message>
    <message>
        <source>Only the Sales department concludes reviews and negotiates with the customer.</source>
        <translation>只有销售部可以作出评审结论并与客户协商。</translation>
    </message>
    <message>
        <source>Review {number} is already concluded ({state}).</source>
        <translation>评审 {number} 已有结论（{state}）。</translation>
    </message>
    <message>
        <source>Review {number} is waiting for the general manager&apos;s arbitration.</source>
        <translation>评审 {number} 正在等待总经理裁定。</translation>
    </message>
    <message>
        <source>A department cannot meet review {number}: Sales negotiates with the customer first.</source>
        <translation>有部门不能满足评审 {number} 的要求：请销售部先与客户协商。</translation>
    </message>
    <message>
        <source>Review {number} is still being signed.</source>
        <translation>评审 {number} 仍在会签中。</translation>
    </message>
    <message>
        <source>Review {number} can be concluded once everyone has signed.</source>
        <translation>评审 {number} 须在各方签署后才能作出结论。</translation>
    </message>
    <message>
        <source>Say what was discussed with the customer.</source>
        <translation>请填写与客户协商的内容。</translation>
    </message>
    <message>
        <source>Enter the date and time of the negotiation.</source>
        <translation>请填写协商的日期和时间。</translation>
    </message>
    <message>
        <source>The negotiation took place between the review&apos;s opening and now.</source>
        <translation>协商时间应在评审开始之后、现在之前。</translation>
    </message>
    <message>
        <source>Record the negotiation with the customer first (date, contact, outcome).</source>
        <translation>请先记录与客户的协商（日期、联系人、结果）。</translation>
    </message>
    <message>
        <source>Say what was revised and why.</source>
        <translation>请说明修改了什么以及原因。</translation>
    </message>
    <message>
        <source>Say what the general manager has to decide.</source>
        <translation>请说明需要总经理裁定的事项。</translation>
    </message>
    <message>
        <source>Choose accept or reject.</source>
        <translation>请选择承接或不予承接。</translation>
    </message>
    <message>
        <source>Give the reason for the ruling.</source>
        <translation>请填写裁定理由。</translation>
    </message>
    <message>
        <source>Say how the customer was answered.</source>
        <translation>请说明如何答复客户。</translation>
    </message>
    <message>
        <source>The customer&apos;s answer on {number} is recorded.</source>
        <translation>评审 {number} 的客户答复已记录。</translation>
    </message>
    <message>
        <source>The answer was given between the conclusion and now.</source>
        <translation>答复时间应在结论之后、现在之前。</translation>
    </message>
    <message>
        <source>Name the product to be reviewed.</source>
        <translation>请填写评审的产品名称。</translation>
    </message>
    <message>
        <source>Enter a number.</source>
        <translation>请输入数字。</translation>
    </message>
    <message>
        <source>The delivery date {day} has already passed.</source>
        <translation>交货期 {day} 已经过去了。</translation>
    </message>
    <message>
        <source>Requirement {number} is closed; a review needs an open requirement.</source>
        <translation>需求 {number} 已关闭；只有未关闭的需求才能发起评审。</translation>
    </message>
    <message>
        <source>Review {review} of this requirement and contract is still open; continue that one.</source>
        <translation>该需求和合同的评审 {review} 尚未完成，请继续该评审。</translation>
    </message>
    <message>
        <source>Reviews are opened by the service desk or the Sales department.</source>
        <translation>评审由客服中心或销售部发起。</translation>
    </message>
    <message>
        <source>Say why the contract type differs from the rules&apos; proposal.</source>
        <translation>合同类型与规则建议不同，请说明原因。</translation>
    </message>
    <message>
        <source>No active department answers for {aspect} in reviews. The administrator assigns one.</source>
        <translation>没有负责“{aspect}”评审的部门，请管理员指定。</translation>
    </message>
    <message>
        <source>A special contract is reviewed in a meeting.</source>
        <translation>特殊合同须进行会议评审。</translation>
    </message>
    <message>
        <source>Only special contracts go to a meeting review; choose the planner or a countersign.</source>
        <translation>只有特殊合同才进行会议评审；请选择销售计划员评审或会签。</translation>
    </message>
    <message>
        <source>Tick the departments that countersign.</source>
        <translation>请勾选参与会签的部门。</translation>
    </message>
    <message>
        <source>{names} cannot sign reviews.</source>
        <translation>{names}不能签署评审。</translation>
    </message>
    <message>
        <source>Enter a quantity from 0.001 to 999,999 t.</source>
        <translation>请输入 0.001 到 999,999 吨之间的数量。</translation>
    </message>
    <message>
        <source>Enter 1 to 365 days.</source>
        <translation>请输入 1 到 365 天。</translation>
    </message>
    <message>
        <source>Enter 1 to 720 hours.</source>
        <translation>请输入 1 到 720 小时。</translation>
    </message>
    <message>
        <source>Enter 1 to 30 working days.</source>
        <translation>请输入 1 到 30 个工作日。</translation>
    </message>
    <message>
        <source>This account is disabled.</source>
        <translation>该账户已停用。</translation>
    </message>
    <message>
        <source>Signing is locked after five wrong passwords. Try again after {time}.</source>
        <translation>密码连续输错五次，签署已被锁定，请在 {time} 之后再试。</translation>
    </message>
    <message>
        <source>Wrong password five times: signing is locked until {time}. Nothing was signed.</source>
        <translation>密码连续输错五次：签署已锁定至 {time}。本次未签署。</translation>
    </message>
    <message>
        <source>Choose a decision.</source>
        <translation>请选择评审意见。</translation>
    </message>
    <message>
        <source>Say why: a comment is required.</source>
        <translation>请说明理由：必须填写意见说明。</translation>
    </message>
    <message>
        <source>The general manager signs meeting reviews and rules on reviews, not for a department.</source>
        <translation>总经理签署会议评审和裁定评审，不代表部门签署。</translation>
    </message>
    <message>
        <source>Review {number} is not routed to your department.</source>
        <translation>评审 {number} 未送达您的部门。</translation>
    </message>
    <message>
        <source>{department} has already signed round {round} of review {number}. To change it, correct that sign-off with a reason.</source>
        <translation>{department}已签署评审 {number} 第 {round} 轮。如需修改，请填写理由更正该签署。</translation>
    </message>
    <message>
        <source>Review {number} is not a meeting review: the departments sign it.</source>
        <translation>评审 {number} 不是会议评审，由各部门签署。</translation>
    </message>
    <message>
        <source>Every department signs review {number} before the general manager.</source>
        <translation>评审 {number} 须各部门签署后，总经理才能签署。</translation>
    </message>
    <message>
        <source>The general manager has already signed round {round} of review {number}.</source>
        <translation>总经理已签署评审 {number} 第 {round} 轮。</translation>
    </message>
    <message>
        <source>Give the reason for the correction.</source>
        <translation>请填写更正理由。</translation>
    </message>
    <message>
        <source>That sign-off does not exist.</source>
        <translation>该签署不存在。</translation>
    </message>
    <message>
        <source>Only the sign-off in force in the current round can be corrected.</source>
        <translation>只能更正本轮有效的签署。</translation>
    </message>
    <message>
        <source>Only the department that signed can correct its sign-off.</source>
        <translation>只有签署的部门才能更正其签署。</translation>
    </message>
    <message>
        <source>Enter the number of the requirement to review.</source>
        <translation>请输入要评审的需求编号。</translation>
    </message>
    <message>
        <source>Requirement {number} cannot go from {stage} to {target} here.</source>
        <translation>需求 {number} 不能在此从“{stage}”改为“{target}”。</translation>
    </message>
    <message>
        <source>Requirement {number} waits for review {review}: its conclusion moves it on.</source>
        <translation>需求 {number} 正在等待评审 {review}：评审结论确定后自动转入下一阶段。</translation>
    </message>
    <message>
        <source>Only the service desk, or the department handling requirement {number}, moves it to {target}.</source>
        <translation>只有客服，或负责处理需求 {number} 的部门，才能将其改为“{target}”。</translation>
    </message>
    <message>
        <source>Say why in the note.</source>
        <translation>请在备注中说明原因。</translation>
    </message>
    <message>
        <source>This part of the plan is required.</source>
        <translation>处理计划的这一项必须填写。</translation>
    </message>
    <message>
        <source>Requirement {number} is {stage}: a plan is no longer needed.</source>
        <translation>需求 {number} 已处于“{stage}”，无需再提出处理计划。</translation>
    </message>
    <message>
        <source>The department handling requirement {number}, or the service desk, records its plan.</source>
        <translation>需求 {number} 的处理计划由负责处理的部门或客服记录。</translation>
    </message>
    <message>
        <source>The time lies between the requirement&apos;s receipt and now.</source>
        <translation>时间须在需求接收之后、当前时间之前。</translation>
    </message>
    <message>
        <source>Say what the customer was told.</source>
        <translation>请填写答复顾客的内容。</translation>
    </message>
    <message>
        <source>Requirement {number} is {stage}: no response is logged now.</source>
        <translation>需求 {number} 已处于“{stage}”，现在不能再记录答复。</translation>
    </message>
    <message>
        <source>The department handling requirement {number}, or the service desk, logs its responses.</source>
        <translation>需求 {number} 的答复由负责处理的部门或客服登记。</translation>
    </message>
    <message>
        <source>Rate satisfaction from 1 to 5.</source>
        <translation>满意度请评 1 至 5 分。</translation>
    </message>
    <message>
        <source>Requirement {number} is {stage}: a return visit follows its resolution.</source>
        <translation>需求 {number} 处于“{stage}”：回访须在处理完成之后进行。</translation>
    </message>
    <message>
        <source>The visit took place between the resolution and today.</source>
        <translation>回访日期须在完成日期与今天之间。</translation>
    </message>
    <message>
        <source>There is no folder {folder}. Choose an existing folder.</source>
        <translation>文件夹 {folder} 不存在。请选择一个已有的文件夹。</translation>
    </message>
    <message>
        <source>{file} cannot be written: the folder is read-only, or the file is open in another program. Close it there, or choose another place.</source>
        <translation>无法写入 {file}：该文件夹为只读，或该文件正被其他程序打开。请先在该程序中关闭文件，或另选保存位置。</translation>
    </message>
    <message>
        <source>There is not enough space on the disk for {file}.</source>
        <translation>磁盘空间不足，无法保存 {file}。</translation>
    </message>
    <message>
        <source>{file} cannot be written: {reason}.</source>
        <translation>无法写入 {file}：{reason}。</translation>
    </message>
    <message>
        <source>{file} is a folder. Give the name of a file to write.</source>
        <translation>{file} 是一个文件夹。请输入要写入的文件名。</translation>
    </message>
    <message>
        <source>{file} is a folder. Give a file name ending in .xlsx.</source>
        <translation>{file} 是一个文件夹。请输入以 .xlsx 结尾的文件名。</translation>
    </message>
    <message>
        <source>There is no month {month} in {year}.</source>
        <translation>{year} 年没有 {month} 月。</translation>
    </message>
    <message>
        <source>There is no week {week} in {year}.</source>
        <translation>{year} 年没有第 {week} 周。</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>已取消，未写入任何文件。</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>期间的结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>Backups here are for SQLite files. Back up a PostgreSQL database with pg_dump on the server.</source>
        <translation>此处的备份仅适用于 SQLite 文件。PostgreSQL 数据库请在服务器上用 pg_dump 备份。</translation>
    </message>
    <message>
        <source>Keep {low} to {high} daily backups.</source>
        <translation>每日备份须保留 {low} 至 {high} 份。</translation>
    </message>
    <message>
        <source>Keep {low} to {high} weekly backups.</source>
        <translation>每周备份须保留 {low} 至 {high} 份。</translation>
    </message>
    <message>
        <source>Keep {low} to {high} monthly backups.</source>
        <translation>每月备份须保留 {low} 至 {high} 份。</translation>
    </message>
    <message>
        <source>Give the full path of the backup folder.</source>
        <translation>请填写备份文件夹的完整路径。</translation>
    </message>
    <message>
        <source>Backups cannot be written to {folder}: {reason}</source>
        <translation>无法将备份写入 {folder}：{reason}</translation>
    </message>
    <message>
        <source>Another copy of reqdesk is saving to the database and did not finish within 10 seconds. Nothing was saved; please try again.</source>
        <translation>另一个 reqdesk 正在向数据库保存，10 秒内未完成。本次未保存任何内容，请重试。</translation>
    </message>
    <message>
        <source>Cannot read {file}: {reason}</source>
        <translation>无法读取 {file}：{reason}</translation>
    </message>
    <message>
        <source>The picture is {width} × {height} pixels. A logo needs {low} to {high} pixels on each side.</source>
        <translation>该图片为 {width} × {height} 像素。标志每边须为 {low} 至 {high} 像素。</translation>
    </message>
    <message>
        <source>The picture has {size} KB. Choose a logo file of at most {limit} KB.</source>
        <translation>该图片有 {size} KB。请选择不超过 {limit} KB 的标志文件。</translation>
    </message>
    <message>
        <source>This file is not a PNG or JPEG picture reqdesk can read.</source>
        <translation>该文件不是 reqdesk 能读取的 PNG 或 JPEG 图片。</translation>
    </message>
    <message>
        <source>Every urgency needs a first-response target.</source>
        <translation>每个紧急程度都必须有首次响应时限。</translation>
    </message>
    <message>
        <source>The plan cannot be due before the first response.</source>
        <translation>处理方案的时限不能早于首次响应。</translation>
    </message>
    <message>
        <source>The working day must end between 12:00 and 23:59.</source>
        <translation>下班时间须在 12:00 至 23:59 之间。</translation>
    </message>
    <message>
        <source>Give the target in hours or in working days.</source>
        <translation>请以小时或工作日填写时限。</translation>
    </message>
    <message>
        <source>Enter {low} to {high} hours.</source>
        <translation>请输入 {low} 至 {high} 小时。</translation>
    </message>
    <message>
        <source>Enter {low} to {high} working days.</source>
        <translation>请输入 {low} 至 {high} 个工作日。</translation>
    </message>
    <message>
        <source>The PDF {file} cannot be opened: {reason}.</source>
        <translation>无法打开 PDF 文件 {file}：{reason}。</translation>
    </message>
    <message>
        <source>The PDF {file} cannot be shown: it is protected by a password.</source>
        <translation>无法显示 PDF 文件 {file}：该文件受密码保护。</translation>
    </message>
    <message>
        <source>The PDF {file} cannot be shown: the file is damaged or is not a PDF.</source>
        <translation>无法显示 PDF 文件 {file}：文件已损坏或不是 PDF 文件。</translation>
    </message>
    <message>
        <source>Printing to {printer} could not start: check the printer.</source>
        <translation>无法开始向 {printer} 打印，请检查打印机。</translation>
    </message>
    <message>
        <source>The settings file {file} cannot be written.</source>
        <translation>无法写入设置文件 {file}。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>{file} is not a reqdesk sync package (or it is damaged).</source>
        <translation>{file} 不是 reqdesk 同步包（或已损坏）。</translation>
    </message>
    <message>
        <source>{file} is damaged (its records do not match its checksum). Nothing was changed; ask the other site to send it again.</source>
        <translation>{file} 已损坏（记录与校验和不符）。未做任何更改，请对方站点重新发送。</translation>
    </message>
    <message>
        <source>{file} was made by a newer reqdesk ({program}, package format {version}). Update reqdesk on this PC first; nothing was changed.</source>
        <translation>{file} 由较新版本的 reqdesk 生成（{program}，包格式 {version}）。请先更新本机的 reqdesk；未做任何更改。</translation>
    </message>
    <message>
        <source>This conflict is no longer listed.</source>
        <translation>此冲突已不在列表中。</translation>
    </message>
    <message>
        <source>{file} was written by this site ({site}); import it at the other site.</source>
        <translation>{file} 是本站点（{site}）写出的，请在对方站点导入。</translation>
    </message>
    <message>
        <source>{file} is meant for site {target}, and this is site {site}. Nothing was changed.</source>
        <translation>{file} 是发给站点 {target} 的，本站点是 {site}。未做任何更改。</translation>
    </message>
    <message>
        <source>{file} holds records this program cannot read. Nothing was changed; ask the other site to send it again.</source>
        <translation>{file} 中有本程序无法读取的记录。未做任何更改；请对方站点重新发送。</translation>
    </message>
    <message>
        <source>{file} could not be applied: one of its records clashes with a record here ({detail}). Nothing was changed; keep the file and tell whoever looks after reqdesk.</source>
        <translation>{file} 无法导入：其中一条记录与本站点的记录冲突（{detail}）。未做任何更改；请保留该文件并告知 reqdesk 的维护人员。</translation>
    </message>
    <message>
        <source>“{site}” is not a site code: 2 to 8 capital letters or digits.</source>
        <translation>“{site}”不是站点代码：应为 2 至 8 位大写字母或数字。</translation>
    </message>
    <message>
        <source>{site} is this site&apos;s own code; name the other site.</source>
        <translation>{site} 是本站点自己的代码；请填写对方站点。</translation>
    </message>
</context>
<context>
    <name>EventKind</name>
    <message>
        <source>Registered</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Stage changed</source>
        <translation>阶段变更</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>指派</translation>
    </message>
    <message>
        <source>Processing plan recorded</source>
        <translation>提交处理计划</translation>
    </message>
    <message>
        <source>Response logged</source>
        <translation>记录答复</translation>
    </message>
    <message>
        <source>Return visit</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ExportBox</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Send to another site</source>
        <translation>发送给其他站点</translation>
    </message>
    <message>
        <source>any site</source>
        <translation>任意站点</translation>
    </message>
    <message>
        <source>&amp;To site:</source>
        <translation>目标站点(&amp;T)：</translation>
    </message>
    <message>
        <source>Everything created or changed here since the last package to that site. Leave the site empty for a package any site can import.</source>
        <translation>包含自上次发给该站点以来本站新建或修改的全部记录。站点留空则生成任何站点都可导入的同步包。</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the sync package</source>
        <translation>保存同步包</translation>
    </message>
    <message>
        <source>Writing the sync package…</source>
        <translation>正在写入同步包…</translation>
    </message>
    <message>
        <source>Package no. {sequence} for {site}: {records} records written to {file}.</source>
        <translation>发给 {site} 的第 {sequence} 个同步包：已写入 {records} 条记录到 {file}。</translation>
    </message>
</context>
<context>
    <name>Feasibility</name>
    <message>
        <source>Feasible</source>
        <translation>可行</translation>
    </message>
    <message>
        <source>Conditionally feasible</source>
        <translation>有条件可行</translation>
    </message>
    <message>
        <source>Not feasible</source>
        <translation>不可行</translation>
    </message>
</context>
<context>
    <name>FormPage</name>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>This page has changes that are not saved. Save them now?</source>
        <translation>本页有未保存的修改。现在保存吗？</translation>
    </message>
</context>
<context>
    <name>ImportBox</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Receive from another site</source>
        <translation>接收其他站点的数据</translation>
    </message>
    <message>
        <source>&amp;Choose a package…</source>
        <translation>选择同步包(&amp;C)…</translation>
    </message>
    <message>
        <source>No package chosen.</source>
        <translation>尚未选择同步包。</translation>
    </message>
    <message>
        <source>&amp;Import this package</source>
        <translation>导入此同步包(&amp;I)</translation>
    </message>
    <message>
        <source>Review the con&amp;flicts</source>
        <translation>核查冲突(&amp;F)</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Choose a sync package</source>
        <translation>选择同步包</translation>
    </message>
    <message>
        <source>Checking the package…</source>
        <translation>正在检查同步包…</translation>
    </message>
    <message>
        <source>any site</source>
        <translation>任意站点</translation>
    </message>
    <message>
        <source>Changes from {since} to {until}.</source>
        <translation>{since} 至 {until} 期间的修改。</translation>
    </message>
    <message>
        <source>Everything up to {until} (a first package).</source>
        <translation>截至 {until} 的全部记录（首个同步包）。</translation>
    </message>
    <message>
        <source>Package no. {sequence} from site {source} for {target}, written {created} by reqdesk {program}.</source>
        <translation>站点 {source} 发给 {target} 的第 {sequence} 个同步包，由 reqdesk {program} 于 {created} 生成。</translation>
    </message>
    <message>
        <source>It holds {n} records: {counts}.</source>
        <translation>共 {n} 条记录：{counts}。</translation>
    </message>
    <message>
        <source>Nothing has been changed yet: press Import to apply it.</source>
        <translation>尚未做任何改动：点击“导入此同步包”后才会写入。</translation>
    </message>
    <message>
        <source>Importing the sync package…</source>
        <translation>正在导入同步包…</translation>
    </message>
    <message>
        <source>Package no. {sequence} from {source} imported: {new} new, {updated} updated, {conflicts} conflicts, {skipped} skipped, {deleted} deleted.</source>
        <translation>已导入 {source} 的第 {sequence} 个同步包：新增 {new}，更新 {updated}，冲突 {conflicts}，跳过 {skipped}，删除 {deleted}。</translation>
    </message>
    <message>
        <source>{audit} audit log entries added; {people} people met for the first time.</source>
        <translation>新增审计日志 {audit} 条；首次出现的部门和人员 {people} 个。</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) could not be applied:</source>
        <translation>
            <numerusform>%n 条记录无法写入：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import customers from Excel</source>
        <translation>从 Excel 导入客户</translation>
    </message>
    <message>
        <source>Choose an .xlsx file</source>
        <translation>请选择 .xlsx 文件</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Download template…</source>
        <translation>下载模板…</translation>
    </message>
    <message>
        <source>Check file</source>
        <translation>检查文件</translation>
    </message>
    <message>
        <source>Nothing is written until you press Import.</source>
        <translation>按下“导入”之前不会写入任何内容。</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Import only the valid rows</source>
        <translation>只导入正确的行</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Customers in the file</source>
        <translation>文件中的客户</translation>
    </message>
    <message>
        <source>Import customers</source>
        <translation>导入客户</translation>
    </message>
    <message>
        <source>Save the import template</source>
        <translation>保存导入模板</translation>
    </message>
    <message>
        <source>customer-template.xlsx</source>
        <translation>客户导入模板.xlsx</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>正在检查文件…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Choose a file first.</source>
        <translation>请先选择文件。</translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>无法读取该文件。</translation>
    </message>
    <message>
        <source>{rows} rows read from sheet {sheet} (header in row {header}): {new} new, {updated} updated, {unchanged} unchanged customers.</source>
        <translation>从工作表 {sheet} 读取 {rows} 行（表头在第 {header} 行）：新增 {new}，更新 {updated}，未变 {unchanged} 个客户。</translation>
    </message>
    <message>
        <source>Imported.</source>
        <translation>已导入。</translation>
    </message>
    <message>
        <source>Rows left out: {rows}</source>
        <translation>未导入的行：{rows}</translation>
    </message>
    <message>
        <source>{n} problem(s): nothing will be written unless you import only the valid rows.</source>
        <translation>发现 {n} 个问题：除非选择只导入正确的行，否则不会写入任何内容。</translation>
    </message>
    <message>
        <source>The file is fine. Press Import to store it.</source>
        <translation>文件无误。请按“导入”保存。</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>not imported</source>
        <translation>不导入</translation>
    </message>
</context>
<context>
    <name>ItemsForm</name>
    <message>
        <source>Contract / order no.</source>
        <translation>合同/订单号</translation>
    </message>
    <message>
        <source>Product name *</source>
        <translation>产品名称 *</translation>
    </message>
    <message>
        <source>Specification / model</source>
        <translation>规格型号</translation>
    </message>
    <message>
        <source>Drawing no.</source>
        <translation>图号</translation>
    </message>
    <message>
        <source>Quality requirements</source>
        <translation>质量要求</translation>
    </message>
    <message>
        <source>Unit price (yuan)</source>
        <translation>单价（元）</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Delivery date</source>
        <translation>交货期</translation>
    </message>
    <message>
        <source>Delivery place</source>
        <translation>交货地点</translation>
    </message>
    <message>
        <source>Delivery method</source>
        <translation>交付方式</translation>
    </message>
    <message>
        <source>Acceptance standard</source>
        <translation>验收标准</translation>
    </message>
    <message>
        <source>Settlement terms</source>
        <translation>结算方式</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>t, kg, pcs…</source>
        <translation>吨、千克、件…</translation>
    </message>
    <message>
        <source>agreed</source>
        <translation>已约定</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>新产品</translation>
    </message>
    <message>
        <source>Precision above the top grade</source>
        <translation>精度高于高精级</translation>
    </message>
    <message>
        <source>Special features</source>
        <translation>特殊情况</translation>
    </message>
</context>
<context>
    <name>Kind</name>
    <message>
        <source>Service request</source>
        <translation>服务需求</translation>
    </message>
    <message>
        <source>Inquiry</source>
        <translation>咨询</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>The language of menus, messages and printed forms on this PC. It changes when reqdesk starts next time.</source>
        <translation>本机菜单、提示信息和打印表单所用的语言。下次启动 reqdesk 时生效。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Saved. Start reqdesk again to use {language}.</source>
        <translation>已保存。请重新启动 reqdesk 以使用 {language}。</translation>
    </message>
</context>
<context>
    <name>LedgerColumns</name>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Response due</source>
        <translation>响应时限</translation>
    </message>
    <message>
        <source>Responded</source>
        <translation>答复时间</translation>
    </message>
    <message>
        <source>Resolution due</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Days open</source>
        <translation>已历天数</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Review answer due</source>
        <translation>评审答复时限</translation>
    </message>
    <message>
        <source>overdue since {time}</source>
        <translation>已超期（{time}）</translation>
    </message>
    <message>
        <source>response overdue</source>
        <translation>响应超期</translation>
    </message>
    <message>
        <source>plan overdue</source>
        <translation>计划超期</translation>
    </message>
    <message>
        <source>resolution overdue</source>
        <translation>处理超期</translation>
    </message>
    <message>
        <source>review answer overdue</source>
        <translation>评审答复超期</translation>
    </message>
    <message>
        <source>due within 24 h</source>
        <translation>24小时内到期</translation>
    </message>
</context>
<context>
    <name>LedgerDetailPane</name>
    <message>
        <source>Time nodes</source>
        <translation>时间节点</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应完成</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>实际完成</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>首次响应</translation>
    </message>
    <message>
        <source>Processing plan</source>
        <translation>处理计划</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>处理完成</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Change stage…</source>
        <translation>变更阶段…</translation>
    </message>
    <message>
        <source>Record plan…</source>
        <translation>记录处理计划…</translation>
    </message>
    <message>
        <source>Log response…</source>
        <translation>记录答复…</translation>
    </message>
    <message>
        <source>Return visit…</source>
        <translation>回访…</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Select a requirement in the ledger to see its details.</source>
        <translation>请在台账中选择一条需求，查看其详情。</translation>
    </message>
    <message>
        <source>Not possible at this stage, or not for you.</source>
        <translation>当前阶段不能进行此操作，或您无此权限。</translation>
    </message>
    <message>
        <source>Timeline ({n})</source>
        <translation>时间线({n})</translation>
    </message>
    <message>
        <source>Reviews ({n})</source>
        <translation>评审({n})</translation>
    </message>
    <message>
        <source>Plans ({n})</source>
        <translation>计划({n})</translation>
    </message>
    <message>
        <source>Responses ({n})</source>
        <translation>答复({n})</translation>
    </message>
    <message>
        <source>Return visit</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（未指定人员）</translation>
    </message>
    <message>
        <source>Due within 24 h</source>
        <translation>24小时内到期</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>按时</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>逾期完成</translation>
    </message>
</context>
<context>
    <name>LedgerFilterBar</name>
    <message>
        <source>All dates</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Last week</source>
        <translation>上周</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>ISO week…</source>
        <translation>指定周…</translation>
    </message>
    <message>
        <source>From – to…</source>
        <translation>起止日期…</translation>
    </message>
    <message>
        <source>Received in this period</source>
        <translation>在此期间接收的需求</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <source>All people</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <source>All urgencies</source>
        <translation>全部紧急程度</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <source>Any customer</source>
        <translation>任意客户</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>仅超期</translation>
    </message>
    <message>
        <source>Due within 24 h</source>
        <translation>24小时内到期</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <source>Not overdue yet, but a response, plan, resolution or customer answer falls due before midnight</source>
        <translation>尚未超期，但答复、处理计划、处理完成或客户答复在今天24点前到期</translation>
    </message>
    <message>
        <source>Awaiting return visit</source>
        <translation>待回访</translation>
    </message>
    <message>
        <source>Resolved requirements whose customer was not yet asked</source>
        <translation>已完成但尚未回访顾客的需求</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
</context>
<context>
    <name>LedgerOutputs</name>
    <message>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <source>Save the rows shown (all pages) as an Excel workbook</source>
        <translation>将当前筛选出的全部行保存为 Excel 工作簿</translation>
    </message>
    <message>
        <source>Weekly ledger…</source>
        <translation>每周台账…</translation>
    </message>
    <message>
        <source>Preview and print the weekly tracking ledger</source>
        <translation>预览并打印每周跟踪台账</translation>
    </message>
    <message>
        <source>Monthly report…</source>
        <translation>月度报告…</translation>
    </message>
    <message>
        <source>Preview and print the monthly requirement analysis</source>
        <translation>预览并打印月度需求分析报告</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting the ledger…</source>
        <translation>正在导出台账…</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) exported to {path}</source>
        <translation>
            <numerusform>已导出 %n 行到 {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>Weekly ledger</source>
        <translation>每周跟踪台账</translation>
    </message>
    <message>
        <source>Week:</source>
        <translation>周：</translation>
    </message>
    <message>
        <source>Monthly report</source>
        <translation>月度需求分析报告</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>月份：</translation>
    </message>
    <message>
        <source>Weekly ledger – {week}</source>
        <translation>每周跟踪台账 – {week}</translation>
    </message>
    <message>
        <source>Requirement analysis – {month}</source>
        <translation>需求分析报告 – {month}</translation>
    </message>
    <message>
        <source>Preparing the weekly ledger…</source>
        <translation>正在生成每周跟踪台账…</translation>
    </message>
    <message>
        <source>Preparing the monthly report…</source>
        <translation>正在生成月度分析报告…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>已取消，未写入任何文件。</translation>
    </message>
</context>
<context>
    <name>LedgerRecords</name>
    <message>
        <source>No contract review.</source>
        <translation>无合同评审。</translation>
    </message>
    <message>
        <source>{state}, round {round}</source>
        <translation>{state}，第{round}轮</translation>
    </message>
    <message>
        <source>{signed} of {expected} signed</source>
        <translation>已会签 {signed}/{expected}</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>合同类别</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Sign-offs</source>
        <translation>会签</translation>
    </message>
    <message>
        <source>Conclusion</source>
        <translation>评审结论</translation>
    </message>
    <message>
        <source>Customer answered on {time}.</source>
        <translation>已于 {time} 答复客户。</translation>
    </message>
    <message>
        <source>Answer the customer by {time}.</source>
        <translation>须于 {time} 前答复客户。</translation>
    </message>
    <message>
        <source>No processing plan recorded yet.</source>
        <translation>尚未记录处理计划。</translation>
    </message>
    <message>
        <source>{time}, by {name}</source>
        <translation>{time}，{name}</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>时间安排</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>承诺</translation>
    </message>
    <message>
        <source>No response logged yet.</source>
        <translation>尚未记录答复。</translation>
    </message>
    <message>
        <source>No return visit yet; it follows the resolution.</source>
        <translation>尚未回访；处理完成后进行回访。</translation>
    </message>
    <message>
        <source>Visit date</source>
        <translation>回访日期</translation>
    </message>
    <message>
        <source>Visited by</source>
        <translation>回访人</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>回访方式</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>客户意见</translation>
    </message>
</context>
<context>
    <name>LedgerReports</name>
    <message>
        <source>Responses due</source>
        <translation>应答复数</translation>
    </message>
    <message>
        <source>Answered on time</source>
        <translation>按时答复数</translation>
    </message>
    <message>
        <source>Response timeliness rate</source>
        <translation>需求响应及时率</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>登记需求数</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已完成数</translation>
    </message>
    <message>
        <source>Completion rate</source>
        <translation>需求处理完成率</translation>
    </message>
    <message>
        <source>Return visits</source>
        <translation>回访数</translation>
    </message>
    <message>
        <source>Mean satisfaction</source>
        <translation>平均满意度</translation>
    </message>
    <message>
        <source>Satisfied (4–5)</source>
        <translation>满意率（4–5分）</translation>
    </message>
    <message>
        <source>Open at the end</source>
        <translation>期末未完成数</translation>
    </message>
    <message>
        <source>Overdue at the end</source>
        <translation>期末逾期数</translation>
    </message>
    <message>
        <source>{n} pp</source>
        <translation>{n} 个百分点</translation>
    </message>
    <message>
        <source>Prepared by</source>
        <translation>编制</translation>
    </message>
    <message>
        <source>Reviewed by</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>LedgerTab</name>
    <message numerus="yes">
        <source>%n requirement(s)</source>
        <translation>
            <numerusform>共 %n 条需求</numerusform>
        </translation>
    </message>
    <message>
        <source>Search number, title or description (Ctrl+F)</source>
        <translation>搜索编号、标题或描述 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>台账</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
</context>
<context>
    <name>LedgerWorkbook</name>
    <message>
        <source>Number</source>
        <translation>需求编号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>需求标题</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>First response due</source>
        <translation>首次答复时限</translation>
    </message>
    <message>
        <source>Responded</source>
        <translation>答复时间</translation>
    </message>
    <message>
        <source>Resolution due</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Days open</source>
        <translation>已历天数</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期事项</translation>
    </message>
    <message>
        <source>response</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>处理计划</translation>
    </message>
    <message>
        <source>resolution</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>review answer</source>
        <translation>评审结果答复</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出说明</translation>
    </message>
    <message>
        <source>Tracking ledger</source>
        <translation>需求跟踪台账</translation>
    </message>
    <message>
        <source>Exported at</source>
        <translation>导出时间</translation>
    </message>
    <message>
        <source>Exported by</source>
        <translation>导出人</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选条件</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无（全部需求）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>跟踪台账</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>阶段（任一）</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Received from</source>
        <translation>受理日期自</translation>
    </message>
    <message>
        <source>Received to</source>
        <translation>受理日期至</translation>
    </message>
    <message>
        <source>Open from</source>
        <translation>处理中日期自</translation>
    </message>
    <message>
        <source>Open to</source>
        <translation>处理中日期至</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>仅逾期</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
</context>
<context>
    <name>LiaisonForm</name>
    <message>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Expected date</source>
        <translation>期望完成日期</translation>
    </message>
    <message>
        <source>From department</source>
        <translation>发文部门</translation>
    </message>
    <message>
        <source>To department</source>
        <translation>收文部门</translation>
    </message>
    <message>
        <source>Sent by</source>
        <translation>发送人</translation>
    </message>
    <message>
        <source>Addressee</source>
        <translation>接收人</translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>发送时间</translation>
    </message>
    <message>
        <source>Reply due</source>
        <translation>要求回复时间</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>联络事项</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>处理要求</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>For long tasks, send the service desk a processing plan (method, schedule, commitment) within two working days.</source>
        <translation>处理时间较长的，请于两个工作日内向客服人员提出处理计划（方式、时间安排、承诺）。</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>Internal liaison form</source>
        <translation>内部联络单</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Sender (signature)</source>
        <translation>发送人（签字）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Received by (signature)</source>
        <translation>接收人（签字）</translation>
    </message>
</context>
<context>
    <name>LockedOrContent</name>
    <message>
        <source>Confidential. Only the custodian, supervisors, the general manager and users granted access may open this part of the file.</source>
        <translation>保密内容。仅管理人、主管、总经理及获授权人员可以查看档案的这一部分。</translation>
    </message>
    <message>
        <source>This section could not be loaded: {error}</source>
        <translation>无法加载这部分内容：{error}</translation>
    </message>
</context>
<context>
    <name>LogEntryDialog</name>
    <message>
        <source>Relationship log entry</source>
        <translation>客户关系维护记录</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>联系人员</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
</context>
<context>
    <name>LogSection</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>联系人员</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Delete the entry of {day}?</source>
        <translation>删除 {day} 的记录？</translation>
    </message>
    <message>
        <source>Relationship log</source>
        <translation>客户关系维护记录</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in to reqdesk</source>
        <translation>登录 reqdesk</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Please enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>reqdesk — {company}</source>
        <translation>reqdesk — {company}</translation>
    </message>
    <message>
        <source>Customer files</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <source>Requirement registration</source>
        <translation>需求登记</translation>
    </message>
    <message>
        <source>Review sign-offs</source>
        <translation>评审会签</translation>
    </message>
    <message>
        <source>Tracking ledger</source>
        <translation>跟踪台账</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Export to Excel…</source>
        <translation>导出到 Excel(&amp;E)…</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Holiday calendar…</source>
        <translation>节假日日历(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Review rules…</source>
        <translation>评审规则(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Check database</source>
        <translation>检查数据库(&amp;C)</translation>
    </message>
    <message>
        <source>S&amp;ync…</source>
        <translation>同步(&amp;Y)…</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About reqdesk</source>
        <translation>关于 reqdesk(&amp;A)</translation>
    </message>
    <message>
        <source>User: {name} ({roles})</source>
        <translation>用户：{name}（{roles}）</translation>
    </message>
    <message>
        <source>Site: {site}</source>
        <translation>站点：{site}</translation>
    </message>
    <message>
        <source>Database: {db}</source>
        <translation>数据库：{db}</translation>
    </message>
    <message numerus="yes">
        <source>Review sign-offs (%n)</source>
        <translation>
            <numerusform>评审会签（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking the database…</source>
        <translation>正在检查数据库…</translation>
    </message>
    <message>
        <source>Check database</source>
        <translation>检查数据库</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) found.</source>
        <translation>
            <numerusform>发现 %n 个问题。</numerusform>
        </translation>
    </message>
    <message>
        <source>About reqdesk</source>
        <translation>关于 reqdesk</translation>
    </message>
    <message>
        <source>reqdesk {version}
Customer requirement management (ISO 9001 / IATF 16949 8.2)

Database: {db}
Data folder: {data}
Log file: {log}
SQLite library: {sqlite}</source>
        <translation>reqdesk {version}
顾客需求管理（ISO 9001 / IATF 16949 8.2）

数据库：{db}
数据文件夹：{data}
日志文件：{log}
SQLite 版本：{sqlite}</translation>
    </message>
    <message>
        <source>Not available here.</source>
        <translation>此处不可用。</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Something went wrong and the action was not completed: {error}
The details are in the log file {log}.</source>
        <translation>出现意外错误，操作未完成：{error}
详细信息已记入日志文件 {log}。</translation>
    </message>
</context>
<context>
    <name>Metrics</name>
    <message>
        <source>No department</source>
        <translation>未分派部门</translation>
    </message>
</context>
<context>
    <name>MetricsPanel</name>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Last week</source>
        <translation>上周</translation>
    </message>
    <message>
        <source>Last 13 weeks</source>
        <translation>最近13周</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>本年</translation>
    </message>
    <message>
        <source>By department</source>
        <translation>按部门</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>按类别</translation>
    </message>
    <message>
        <source>By urgency</source>
        <translation>按紧急程度</translation>
    </message>
    <message>
        <source>Timeliness</source>
        <translation>响应及时率</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>处理完成率</translation>
    </message>
    <message>
        <source>Mean satisfaction</source>
        <translation>平均满意度</translation>
    </message>
    <message>
        <source>Satisfied (≥4)</source>
        <translation>满意（≥4）占比</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <source>Response timeliness</source>
        <translation>需求响应及时率</translation>
    </message>
    <message>
        <source>Completion rate</source>
        <translation>需求处理完成率</translation>
    </message>
    <message>
        <source>Satisfaction (mean, share ≥4)</source>
        <translation>客户满意度（均值、≥4 占比）</translation>
    </message>
    <message>
        <source>Open at period end</source>
        <translation>期末未结</translation>
    </message>
    <message>
        <source>Overdue at period end</source>
        <translation>期末超期</translation>
    </message>
    <message>
        <source>Timeliness %</source>
        <translation>响应及时率 %</translation>
    </message>
    <message>
        <source>Completion %</source>
        <translation>完成率 %</translation>
    </message>
    <message>
        <source>Satisfied %</source>
        <translation>满意占比 %</translation>
    </message>
    <message numerus="yes">
        <source>Last %n week(s)</source>
        <translation>
            <numerusform>最近 %n 周</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MonthlyReport</name>
    <message>
        <source>In {month}, {received} requirements were received: {rejected} rejected, {merged} merged into others and {cancelled} cancelled. Of the {registered} registered, {resolved} were resolved by the end of the month (completion rate {completion}). {on_time} of {due} first responses due were given on time (timeliness rate {timeliness}). {visits} return visits gave a mean satisfaction of {mean}, {share} rated 4 or 5. At the end of the month {open} requirements were open, {overdue} of them overdue.</source>
        <translation>{month} 共接收客户需求 {received} 项，其中不予受理 {rejected} 项、合并 {merged} 项、取消 {cancelled} 项。登记的 {registered} 项需求中，月末前已完成 {resolved} 项（需求处理完成率 {completion}）。应答复的 {due} 项需求中按时首次答复 {on_time} 项（需求响应及时率 {timeliness}）。回访 {visits} 次，平均满意度 {mean}，满意（4–5分）占 {share}。月末尚有 {open} 项需求未完成，其中逾期 {overdue} 项。</translation>
    </message>
    <message>
        <source>1. Overview</source>
        <translation>一、需求概述</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>2. Metrics against the previous month</source>
        <translation>二、监控指标与上月对比</translation>
    </message>
    <message>
        <source>Requirements</source>
        <translation>需求数</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>需求类别</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>需求来源</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <source>Requirements received in the month, merged and cancelled ones left out: {n}.</source>
        <translation>本月接收的需求（不含已合并和已取消）：{n} 项。</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>按需求类别</translation>
    </message>
    <message>
        <source>By department</source>
        <translation>按责任部门</translation>
    </message>
    <message>
        <source>3. Requirements by category, urgency, channel and department</source>
        <translation>三、按类别、紧急程度、来源和部门统计</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <source>4. Customers with the most requirements</source>
        <translation>四、需求最多的顾客</translation>
    </message>
    <message>
        <source>Response timeliness rate by week</source>
        <translation>每周需求响应及时率</translation>
    </message>
    <message>
        <source>The {n} weeks from {first} to {last}; no point: no first response due.</source>
        <translation>{first} 至 {last} 共 {n} 周；无数据点表示该周没有应答复的需求。</translation>
    </message>
    <message>
        <source>5. Weekly response timeliness</source>
        <translation>五、每周需求响应及时率</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收日期</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>需求内容</translation>
    </message>
    <message>
        <source>Stage now</source>
        <translation>当前阶段</translation>
    </message>
    <message>
        <source>Days open</source>
        <translation>已处理天数</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <source>{total} requirements were open at the end of the month, {overdue} of them overdue (marked ● Overdue and shaded); overdue ones first, then the oldest.</source>
        <translation>月末未完成需求共 {total} 项，其中逾期 {overdue} 项（以“● 逾期”标出并加底色）；逾期的排在前面，其余按接收时间先后排列。</translation>
    </message>
    <message>
        <source>6. Overdue and unresolved requirements at the end of the month</source>
        <translation>六、月末逾期及未完成需求</translation>
    </message>
    <message>
        <source>… and {n} more not listed here: see the ledger.</source>
        <translation>……另有 {n} 项未在此列出，请查看跟踪台账。</translation>
    </message>
    <message>
        <source>{month}: {first} to {last}, compared with {previous}</source>
        <translation>{month}：{first} 至 {last}，与 {previous} 对比</translation>
    </message>
    <message>
        <source>Requirement analysis report</source>
        <translation>客户需求分析报告</translation>
    </message>
    <message>
        <source>Requirement analysis report {month}</source>
        <translation>需求分析报告 {month}</translation>
    </message>
</context>
<context>
    <name>Nature</name>
    <message>
        <source>Functional</source>
        <translation>功能性</translation>
    </message>
    <message>
        <source>Non-functional</source>
        <translation>非功能性</translation>
    </message>
</context>
<context>
    <name>NegotiationDialog</name>
    <message>
        <source>Negotiation with the customer</source>
        <translation>与客户协商</translation>
    </message>
    <message>
        <source>Date and time *</source>
        <translation>日期时间 *</translation>
    </message>
    <message>
        <source>Customer contact</source>
        <translation>客户联系人</translation>
    </message>
    <message>
        <source>What was discussed *</source>
        <translation>协商内容 *</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>协商结果</translation>
    </message>
</context>
<context>
    <name>OpenReviewDialog</name>
    <message>
        <source>Open a contract review</source>
        <translation>发起合同评审</translation>
    </message>
    <message>
        <source>Requirement number, e.g. HQ-RQ-2026-00012</source>
        <translation>需求编号，如 HQ-RQ-2026-00012</translation>
    </message>
    <message>
        <source>Requirement *</source>
        <translation>需求 *</translation>
    </message>
    <message>
        <source>Rules propose</source>
        <translation>规则建议</translation>
    </message>
    <message>
        <source>As proposed</source>
        <translation>按规则建议</translation>
    </message>
    <message>
        <source>Contract type</source>
        <translation>合同类型</translation>
    </message>
    <message>
        <source>Why another type than the rules propose</source>
        <translation>为何不按规则建议的合同类型</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Meeting review: Sales, Technical, Purchasing, Production, Quality, then the general manager</source>
        <translation>会议评审：销售部、技术部、采购部、生产部、质量部，最后总经理</translation>
    </message>
    <message>
        <source>Finance reviews credit and settlement too</source>
        <translation>财务部同时评审信用及结算</translation>
    </message>
    <message>
        <source>Who signs</source>
        <translation>会签部门</translation>
    </message>
    <message>
        <source>Choose the requirement first.</source>
        <translation>请先选择需求。</translation>
    </message>
</context>
<context>
    <name>PdfFrame</name>
    <message>
        <source>Printed by {user} at {time}</source>
        <translation>打印人：{user}&#x3000;打印时间：{time}</translation>
    </message>
    <message>
        <source>Page {page} of {total}</source>
        <translation>第 {page} 页 / 共 {total} 页</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>First page</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Last page</source>
        <translation>末页</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation>实际大小</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation>适合页面</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>第</translation>
    </message>
    <message numerus="yes">
        <source>of %n</source>
        <translation>
            <numerusform>页，共 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Print (Ctrl+P)</source>
        <translation>打印（Ctrl+P）</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Open in PDF viewer</source>
        <translation>用 PDF 阅读器打开</translation>
    </message>
    <message>
        <source>Open the PDF with the system&apos;s PDF program</source>
        <translation>用系统的 PDF 程序打开</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) sent to the printer.</source>
        <translation>
            <numerusform>已向打印机发送 %n 页。</numerusform>
        </translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Printing cancelled.</source>
        <translation>打印已取消。</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>PeersTable</name>
    <message>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Packages sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Last sent</source>
        <translation>最近发送</translation>
    </message>
    <message>
        <source>Packages received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>Last received</source>
        <translation>最近接收</translation>
    </message>
    <message>
        <source>Latest no. received</source>
        <translation>已收到的最大序号</translation>
    </message>
    <message>
        <source>any site</source>
        <translation>任意站点</translation>
    </message>
</context>
<context>
    <name>Permission</name>
    <message>
        <source>view customer files</source>
        <translation>查看客户档案</translation>
    </message>
    <message>
        <source>edit customer files</source>
        <translation>编辑客户档案</translation>
    </message>
    <message>
        <source>approve customer files</source>
        <translation>审批客户档案</translation>
    </message>
    <message>
        <source>open every confidential file</source>
        <translation>查阅所有保密档案</translation>
    </message>
    <message>
        <source>grant access to customer files</source>
        <translation>授权查阅客户档案</translation>
    </message>
    <message>
        <source>register requirements</source>
        <translation>登记需求</translation>
    </message>
    <message>
        <source>edit requirements</source>
        <translation>修改需求</translation>
    </message>
    <message>
        <source>dispatch requirements</source>
        <translation>分派需求</translation>
    </message>
    <message>
        <source>assess requirements</source>
        <translation>评估需求</translation>
    </message>
    <message>
        <source>open contract reviews</source>
        <translation>发起合同评审</translation>
    </message>
    <message>
        <source>sign reviews</source>
        <translation>签署评审意见</translation>
    </message>
    <message>
        <source>arbitrate reviews</source>
        <translation>裁定评审</translation>
    </message>
    <message>
        <source>view the tracking ledger</source>
        <translation>查看跟踪台账</translation>
    </message>
    <message>
        <source>change a requirement&apos;s stage</source>
        <translation>变更需求阶段</translation>
    </message>
    <message>
        <source>record return visits</source>
        <translation>记录回访</translation>
    </message>
    <message>
        <source>print and export reports</source>
        <translation>打印和导出报表</translation>
    </message>
    <message>
        <source>manage users</source>
        <translation>管理用户</translation>
    </message>
    <message>
        <source>change settings</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <source>edit the holiday calendar</source>
        <translation>编辑节假日日历</translation>
    </message>
    <message>
        <source>back up and restore</source>
        <translation>备份与恢复</translation>
    </message>
    <message>
        <source>read the audit log</source>
        <translation>查阅审计日志</translation>
    </message>
    <message>
        <source>exchange sync packages with other sites</source>
        <translation>与其他站点交换同步包</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>Processing plan</source>
        <translation>处理计划</translation>
    </message>
    <message>
        <source>Method *</source>
        <translation>处理方式 *</translation>
    </message>
    <message>
        <source>Schedule *</source>
        <translation>时间安排 *</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>承诺</translation>
    </message>
    <message>
        <source>Recording the plan starts the work when it had not started.</source>
        <translation>记录处理计划后，尚未开始处理的需求即转为“处理中”。</translation>
    </message>
</context>
<context>
    <name>ProductionSection</name>
    <message>
        <source>Production process</source>
        <translation>生产工艺</translation>
    </message>
    <message>
        <source>Production scale</source>
        <translation>生产规模</translation>
    </message>
    <message>
        <source>Raw materials</source>
        <translation>使用原料</translation>
    </message>
    <message>
        <source>Investment in production</source>
        <translation>企业生产投资</translation>
    </message>
</context>
<context>
    <name>ProgressTask</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>RecordList</name>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>RegistrationForm</name>
    <message>
        <source>(provisional: no holiday schedule for that year)</source>
        <translation>（暂定：该年度节假日安排未录入）</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>顾客名称</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Received at</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>受理人</translation>
    </message>
    <message>
        <source>Contract / order no.</source>
        <translation>合同/订单号</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>信息来源</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>信息类别</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>需求类别</translation>
    </message>
    <message>
        <source>Nature</source>
        <translation>需求性质</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Special requirement</source>
        <translation>特殊要求</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Expected date</source>
        <translation>期望完成日期</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>需求内容</translation>
    </message>
    <message>
        <source>Responsible department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>First response due</source>
        <translation>首次响应时限</translation>
    </message>
    <message>
        <source>Plan / resolution due</source>
        <translation>计划/完成时限</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>需求评估</translation>
    </message>
    <message>
        <source>Handling result</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Return visit</source>
        <translation>回访记录</translation>
    </message>
    <message>
        <source>Customer service information registration form</source>
        <translation>顾客服务信息登记表</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Registered by (signature)</source>
        <translation>登记人（签字）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Head of department (signature)</source>
        <translation>部门负责人（签字）</translation>
    </message>
    <message>
        <source>Technical</source>
        <translation>技术可行性</translation>
    </message>
    <message>
        <source>Economic</source>
        <translation>经济可行性</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间可行性</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>价值评分</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Walk-in contact (no customer file)</source>
        <translation>散客（无客户档案）</translation>
    </message>
    <message>
        <source>Name or unit of the walk-in contact</source>
        <translation>散客姓名或单位</translation>
    </message>
    <message>
        <source>Customer *</source>
        <translation>顾客 *</translation>
    </message>
    <message>
        <source>Walk-in name</source>
        <translation>散客名称</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>(no detail)</source>
        <translation>（不细分）</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>细分</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Title *</source>
        <translation>标题 *</translation>
    </message>
    <message>
        <source>Customer expects it by</source>
        <translation>客户期望完成于</translation>
    </message>
    <message>
        <source>(not yet)</source>
        <translation>（暂不指定）</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>(anyone in the department)</source>
        <translation>（部门内任何人）</translation>
    </message>
    <message>
        <source>First response by {first}; plan / resolution by {plan}</source>
        <translation>首次响应：{first}；计划/完成：{plan}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Provisional: the holiday schedule of that year is not entered yet, so only weekends are counted. Ask the administrator to enter it (Tools → Holiday calendar).</source>
        <translation>暂定：该年度的节假日安排尚未录入，仅按周末计算。请管理员录入（工具 → 节假日日历）。</translation>
    </message>
    <message>
        <source>(assigned when saved)</source>
        <translation>（保存时自动编号）</translation>
    </message>
    <message>
        <source>Provisional: counted on weekends only.</source>
        <translation>暂定：仅按周末计算。</translation>
    </message>
</context>
<context>
    <name>RegistrationTab</name>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message numerus="yes">
        <source>%n registration(s)</source>
        <translation>
            <numerusform>共 %n 条登记</numerusform>
        </translation>
    </message>
    <message>
        <source>Search number or title (Ctrl+F)</source>
        <translation>搜索编号或标题（Ctrl+F）</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Dispatch…</source>
        <translation>分派…</translation>
    </message>
    <message>
        <source>Assess…</source>
        <translation>评估…</translation>
    </message>
    <message>
        <source>Print form…</source>
        <translation>打印登记表…</translation>
    </message>
    <message>
        <source>Print liaison form…</source>
        <translation>打印联络单…</translation>
    </message>
    <message>
        <source>Open review…</source>
        <translation>发起评审…</translation>
    </message>
    <message>
        <source>The holiday schedule for {year} has not been entered: due dates in {year} count weekends only and are marked provisional. The administrator enters it under Tools → Holiday calendar.</source>
        <translation>{year} 年的节假日安排尚未录入：{year} 年的时限暂按周末计算并标为“暂定”。请管理员在 工具 → 节假日日历 中录入。</translation>
    </message>
    <message>
        <source>Requirement registration</source>
        <translation>需求登记</translation>
    </message>
    <message>
        <source>The registration form has changes that are not saved. Save them now?</source>
        <translation>登记表有尚未保存的修改。现在保存吗？</translation>
    </message>
    <message>
        <source>Save the changes to the form first?</source>
        <translation>先保存登记表的修改吗？</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Registered as {number}.</source>
        <translation>已登记，编号 {number}。</translation>
    </message>
    <message>
        <source>Merged into the selected requirement.</source>
        <translation>已合并到所选需求。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>没有修改。</translation>
    </message>
    <message>
        <source>Dispatched. The liaison form is ready to print.</source>
        <translation>已分派。内部联络单可以打印。</translation>
    </message>
    <message>
        <source>Internal liaison form</source>
        <translation>内部联络单</translation>
    </message>
    <message>
        <source>Registration form</source>
        <translation>顾客服务信息登记表</translation>
    </message>
    <message>
        <source>Preparing the form…</source>
        <translation>正在生成表单…</translation>
    </message>
</context>
<context>
    <name>RequirementsSection</name>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Double-click a requirement to open it.</source>
        <translation>双击需求可打开。</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>A new password for {name} ({username}). Any lock ends, and {name} chooses their own password at the next sign-in.</source>
        <translation>为 {name}（{username}）设置新密码。账号锁定随即解除，{name} 下次登录时须设置自己的密码。</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
</context>
<context>
    <name>ResponseDialog</name>
    <message>
        <source>Log a response</source>
        <translation>记录答复</translation>
    </message>
    <message>
        <source>Answered at *</source>
        <translation>答复时间 *</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>答复方式</translation>
    </message>
    <message>
        <source>What was said *</source>
        <translation>答复内容 *</translation>
    </message>
    <message>
        <source>The first response counts for the response timeliness rate.</source>
        <translation>首次答复计入需求响应及时率。</translation>
    </message>
</context>
<context>
    <name>ReturnVisitDialog</name>
    <message>
        <source>Return visit</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Visit date *</source>
        <translation>回访日期 *</translation>
    </message>
    <message>
        <source>Visited by</source>
        <translation>回访人</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>回访方式</translation>
    </message>
    <message>
        <source>Satisfaction *</source>
        <translation>满意度 *</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>客户意见</translation>
    </message>
    <message>
        <source>Saving the return visit closes the requirement.</source>
        <translation>保存回访记录后，该需求即关闭（已回访）。</translation>
    </message>
</context>
<context>
    <name>ReviewActions</name>
    <message>
        <source>Review {number}: {product}. Sign for your department: can it meet the contract?</source>
        <translation>评审 {number}：{product}。请代表本部门签署：能否满足合同要求？</translation>
    </message>
    <message>
        <source>Sign review {number}</source>
        <translation>签署评审 {number}</translation>
    </message>
    <message>
        <source>Correct a sign-off on {number}</source>
        <translation>更正评审 {number} 的签署</translation>
    </message>
    <message>
        <source>Your earlier sign-off stays on the record; this new one replaces it in force.</source>
        <translation>原签署保留在记录中；新签署取代其效力。</translation>
    </message>
    <message>
        <source>Meeting review {number}</source>
        <translation>会议评审 {number}</translation>
    </message>
    <message>
        <source>Every department has signed. Sign the meeting review as general manager.</source>
        <translation>各部门均已签署。请以总经理身份签署会议评审。</translation>
    </message>
    <message>
        <source>Conclude review {number}</source>
        <translation>评审 {number} 结论</translation>
    </message>
    <message>
        <source>Everyone can meet the contract. Concluding accepts it; the customer is to be answered within the set hours.</source>
        <translation>各方均能满足合同要求。作出结论即承接合同；须在规定时间内答复客户。</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Hand {number} to the general manager</source>
        <translation>将 {number} 提请总经理裁定</translation>
    </message>
    <message>
        <source>The negotiation did not settle it. The general manager arbitrates: accept or reject.</source>
        <translation>协商未能解决。由总经理裁定：承接或不予承接。</translation>
    </message>
    <message>
        <source>What is to be decided *</source>
        <translation>需裁定的事项 *</translation>
    </message>
    <message>
        <source>Amendment notice</source>
        <translation>修订通知</translation>
    </message>
    <message>
        <source>Contract review record</source>
        <translation>合同评审表</translation>
    </message>
    <message>
        <source>Preparing the review record…</source>
        <translation>正在生成合同评审表…</translation>
    </message>
</context>
<context>
    <name>ReviewAspect</name>
    <message>
        <source>Sales</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>Technical</source>
        <translation>技术</translation>
    </message>
    <message>
        <source>Purchasing</source>
        <translation>采购</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>生产</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>Finance</source>
        <translation>财务</translation>
    </message>
</context>
<context>
    <name>ReviewDetail</name>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>评审意见</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>签署人</translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation>签署时间</translation>
    </message>
    <message>
        <source>Comment / conditions</source>
        <translation>说明/条件</translation>
    </message>
    <message>
        <source>Choose a review on the left.</source>
        <translation>请在左侧选择一个评审。</translation>
    </message>
    <message>
        <source>{state}, round {round}</source>
        <translation>{state}，第 {round} 轮</translation>
    </message>
    <message>
        <source>Opened by {name} on {time}</source>
        <translation>{name} 于 {time} 发起</translation>
    </message>
    <message>
        <source>The rules proposed {type}; reason for the change: {reason}</source>
        <translation>规则建议为{type}；改变类型的原因：{reason}</translation>
    </message>
    <message>
        <source>Referred to the general manager: {note}</source>
        <translation>已提请总经理裁定：{note}</translation>
    </message>
    <message>
        <source>Replaces the voided review {number}.</source>
        <translation>取代已作废的评审 {number}。</translation>
    </message>
    <message>
        <source>Voided; replaced by review {number}.</source>
        <translation>已作废；由评审 {number} 取代。</translation>
    </message>
    <message>
        <source>Answer the customer by {time}.</source>
        <translation>请在 {time} 前答复客户。</translation>
    </message>
    <message>
        <source>General manager (meeting)</source>
        <translation>总经理（会议评审）</translation>
    </message>
    <message>
        <source>General manager&apos;s arbitration</source>
        <translation>总经理裁定</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>待签</translation>
    </message>
    <message>
        <source>Review items</source>
        <translation>评审内容</translation>
    </message>
    <message>
        <source>Conclusion</source>
        <translation>评审结论</translation>
    </message>
    <message>
        <source>{state} by {name} on {time}.</source>
        <translation>{name} 于 {time} 作出结论：{state}。</translation>
    </message>
    <message>
        <source>The customer was answered on {time} by {name}: {note}</source>
        <translation>{name} 于 {time} 答复客户：{note}</translation>
    </message>
    <message>
        <source>Amendments</source>
        <translation>合同修订</translation>
    </message>
    <message>
        <source>Customer signatory: {name}</source>
        <translation>客户方签字人：{name}</translation>
    </message>
    <message>
        <source>New review: {number}</source>
        <translation>新评审：{number}</translation>
    </message>
    <message>
        <source>Notified: {names}</source>
        <translation>已通知：{names}</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>新产品</translation>
    </message>
    <message>
        <source>Precision above the top grade</source>
        <translation>精度高于高精级</translation>
    </message>
    <message>
        <source>Contract / order no.</source>
        <translation>合同/订单号</translation>
    </message>
    <message>
        <source>Product name</source>
        <translation>产品名称</translation>
    </message>
    <message>
        <source>Specification / model</source>
        <translation>规格型号</translation>
    </message>
    <message>
        <source>Drawing no.</source>
        <translation>图号</translation>
    </message>
    <message>
        <source>Quality requirements</source>
        <translation>质量要求</translation>
    </message>
    <message>
        <source>Unit price (yuan)</source>
        <translation>单价（元）</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Delivery date</source>
        <translation>交货期</translation>
    </message>
    <message>
        <source>Delivery place</source>
        <translation>交货地点</translation>
    </message>
    <message>
        <source>Delivery method</source>
        <translation>交付方式</translation>
    </message>
    <message>
        <source>Acceptance standard</source>
        <translation>验收标准</translation>
    </message>
    <message>
        <source>Settlement terms</source>
        <translation>结算方式</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Special features</source>
        <translation>特殊情况</translation>
    </message>
    <message>
        <source>Round {round}, from {time} ({name})</source>
        <translation>第 {round} 轮（{time}，{name}）</translation>
    </message>
    <message>
        <source>Revised: {reason}</source>
        <translation>修改说明：{reason}</translation>
    </message>
    <message>
        <source>Negotiation on {time} with {contact} ({by}): {summary}</source>
        <translation>{time} 与 {contact} 协商（{by}）：{summary}</translation>
    </message>
    <message>
        <source>Outcome: {outcome}</source>
        <translation>结果：{outcome}</translation>
    </message>
    <message>
        <source>Corrects an earlier sign-off: {reason}</source>
        <translation>更正此前的签署：{reason}</translation>
    </message>
    <message>
        <source>superseded</source>
        <translation>已被更正</translation>
    </message>
</context>
<context>
    <name>ReviewNotice</name>
    <message>
        <source>Review {number} was amended ({kind}): {what}</source>
        <translation>评审 {number} 已修订（{kind}）：{what}</translation>
    </message>
    <message>
        <source>New review: {number}.</source>
        <translation>新评审：{number}。</translation>
    </message>
</context>
<context>
    <name>ReviewRecord</name>
    <message>
        <source>Contract no.</source>
        <translation>合同号</translation>
    </message>
    <message>
        <source>Product name</source>
        <translation>产品名称</translation>
    </message>
    <message>
        <source>Specification / model</source>
        <translation>规格型号</translation>
    </message>
    <message>
        <source>Drawing no.</source>
        <translation>图号</translation>
    </message>
    <message>
        <source>Quality requirements</source>
        <translation>质量要求</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Delivery date</source>
        <translation>交货期</translation>
    </message>
    <message>
        <source>Acceptance standard</source>
        <translation>验收标准</translation>
    </message>
    <message>
        <source>Settlement terms</source>
        <translation>结算方式</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>新产品</translation>
    </message>
    <message>
        <source>Precision above the top grade</source>
        <translation>精度高于高精级</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>proposed: {type}, reason: {reason}</source>
        <translation>规则建议：{type}，变更原因：{reason}</translation>
    </message>
    <message>
        <source>Review no.</source>
        <translation>评审编号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Requirement no.</source>
        <translation>需求编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>顾客名称</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Routing</source>
        <translation>评审方式</translation>
    </message>
    <message>
        <source>Contract type</source>
        <translation>合同类型</translation>
    </message>
    <message>
        <source>Opened by</source>
        <translation>发起人</translation>
    </message>
    <message>
        <source>Opened at</source>
        <translation>发起时间</translation>
    </message>
    <message>
        <source>Replaces review</source>
        <translation>取代评审</translation>
    </message>
    <message>
        <source>Replaced by review</source>
        <translation>被评审取代</translation>
    </message>
    <message>
        <source>Delivery place and method</source>
        <translation>交货地点及方式</translation>
    </message>
    <message>
        <source>Started {time} by {name}</source>
        <translation>{time} 由 {name} 发起</translation>
    </message>
    <message>
        <source>Reason for revision: {reason}</source>
        <translation>修改原因：{reason}</translation>
    </message>
    <message>
        <source>Round {n}</source>
        <translation>第 {n} 轮</translation>
    </message>
    <message>
        <source>The review items of this round:</source>
        <translation>本轮评审内容：</translation>
    </message>
    <message>
        <source>General manager</source>
        <translation>总经理</translation>
    </message>
    <message>
        <source>GM arbitration</source>
        <translation>总经理裁定</translation>
    </message>
    <message>
        <source>Conditions: {conditions}</source>
        <translation>条件：{conditions}</translation>
    </message>
    <message>
        <source>(corrects the sign-off of {time}: {reason})</source>
        <translation>（更正 {time} 的签署：{reason}）</translation>
    </message>
    <message>
        <source>(superseded)</source>
        <translation>（已被更正）</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>评审意见</translation>
    </message>
    <message>
        <source>Comment and conditions</source>
        <translation>说明及条件</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>签署人</translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation>签署时间</translation>
    </message>
    <message>
        <source>Negotiated at</source>
        <translation>协商时间</translation>
    </message>
    <message>
        <source>Customer contact</source>
        <translation>客户联系人</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>协商内容</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>协商结果</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Referred by Sales</source>
        <translation>销售部提请事项</translation>
    </message>
    <message>
        <source>Ruling</source>
        <translation>裁定</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>General manager&apos;s arbitration</source>
        <translation>总经理裁定</translation>
    </message>
    <message>
        <source>Concluded by</source>
        <translation>结论人</translation>
    </message>
    <message>
        <source>Concluded at</source>
        <translation>结论时间</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Conclusion</source>
        <translation>评审结论</translation>
    </message>
    <message>
        <source>not answered yet</source>
        <translation>尚未答复</translation>
    </message>
    <message>
        <source>(late)</source>
        <translation>（超期）</translation>
    </message>
    <message>
        <source>Answer due</source>
        <translation>答复时限</translation>
    </message>
    <message>
        <source>Answered at</source>
        <translation>答复时间</translation>
    </message>
    <message>
        <source>Answered by</source>
        <translation>答复人</translation>
    </message>
    <message>
        <source>Answer to the customer</source>
        <translation>答复客户</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>修订方式</translation>
    </message>
    <message>
        <source>Amended at</source>
        <translation>修订时间</translation>
    </message>
    <message>
        <source>Amended by</source>
        <translation>修订人</translation>
    </message>
    <message>
        <source>Customer signatory</source>
        <translation>客户方签字人</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>修订内容</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Departments notified</source>
        <translation>已通知部门</translation>
    </message>
    <message>
        <source>New review no.</source>
        <translation>新评审编号</translation>
    </message>
    <message>
        <source>Amendments</source>
        <translation>合同修订</translation>
    </message>
    <message>
        <source>Sales (signature)</source>
        <translation>销售部（签字）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>General manager (signature)</source>
        <translation>总经理（签字）</translation>
    </message>
    <message>
        <source>Contract review record</source>
        <translation>合同评审表</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Review items</source>
        <translation>评审内容</translation>
    </message>
</context>
<context>
    <name>ReviewRouting</name>
    <message>
        <source>Sales planner alone</source>
        <translation>销售计划员单独评审</translation>
    </message>
    <message>
        <source>Countersign</source>
        <translation>会签</translation>
    </message>
    <message>
        <source>Meeting review</source>
        <translation>会议评审</translation>
    </message>
</context>
<context>
    <name>ReviewRules</name>
    <message>
        <source>new product</source>
        <translation>新产品</translation>
    </message>
    <message>
        <source>precision above the top grade</source>
        <translation>精度高于高精级</translation>
    </message>
    <message>
        <source>large quantity with short delivery</source>
        <translation>数量大且交期短</translation>
    </message>
    <message>
        <source>oral, phone or letter order without a contract</source>
        <translation>口头、来电或来函订货，无合同</translation>
    </message>
</context>
<context>
    <name>ReviewRulesDialog</name>
    <message>
        <source>Review rules</source>
        <translation>评审规则</translation>
    </message>
    <message>
        <source>A contract is special (meeting review) for a new product, precision above the top grade, or a large quantity with a short delivery time:</source>
        <translation>以下情况为特殊合同（会议评审）：新产品、精度高于高精级，或数量大且交期短：</translation>
    </message>
    <message>
        <source> t or more</source>
        <translation> 吨及以上</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source> days or less</source>
        <translation> 天及以内</translation>
    </message>
    <message>
        <source>Delivery within</source>
        <translation>交货期</translation>
    </message>
    <message>
        <source> working days</source>
        <translation> 个工作日</translation>
    </message>
    <message>
        <source>Departments sign within</source>
        <translation>各部门签署时限</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Answer the customer within</source>
        <translation>答复客户时限</translation>
    </message>
</context>
<context>
    <name>ReviewState</name>
    <message>
        <source>Signing</source>
        <translation>会签中</translation>
    </message>
    <message>
        <source>Negotiating with customer</source>
        <translation>与客户协商中</translation>
    </message>
    <message>
        <source>Awaiting GM arbitration</source>
        <translation>待总经理裁定</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>已作废</translation>
    </message>
</context>
<context>
    <name>ReviewsTab</name>
    <message>
        <source>Review no.</source>
        <translation>评审编号</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>需求编号</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Contract type</source>
        <translation>合同类型</translation>
    </message>
    <message>
        <source>Routing</source>
        <translation>评审方式</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>发起时间</translation>
    </message>
    <message>
        <source>Concluded</source>
        <translation>结论时间</translation>
    </message>
    <message numerus="yes">
        <source>%n review(s)</source>
        <translation>
            <numerusform>共 %n 项评审</numerusform>
        </translation>
    </message>
    <message>
        <source>Search review, requirement, product or contract no. (Ctrl+F)</source>
        <translation>搜索评审号、需求号、产品或合同号（Ctrl+F）</translation>
    </message>
    <message>
        <source>All reviews</source>
        <translation>全部评审</translation>
    </message>
    <message>
        <source>Open review…</source>
        <translation>发起评审…</translation>
    </message>
    <message>
        <source>Nothing waits for you.</source>
        <translation>暂无待办。</translation>
    </message>
    <message>
        <source>Review sign-offs</source>
        <translation>评审会签</translation>
    </message>
    <message numerus="yes">
        <source>My sign-offs (%n)</source>
        <translation>
            <numerusform>我的会签（%n）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviseDialog</name>
    <message>
        <source>Revise the review items</source>
        <translation>修改评审内容</translation>
    </message>
    <message>
        <source>The revised items start a new round: every department signs again. The previous round and its sign-offs are kept.</source>
        <translation>修改后的内容开始新一轮评审：各部门重新签署。上一轮及其签署均保留。</translation>
    </message>
    <message>
        <source>What changed and why *</source>
        <translation>修改了什么及原因 *</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>Service-desk operator</source>
        <translation>客服/业务员</translation>
    </message>
    <message>
        <source>Department reviewer</source>
        <translation>部门评审人</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>General manager</source>
        <translation>总经理</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
</context>
<context>
    <name>Satisfaction</name>
    <message>
        <source>Very dissatisfied</source>
        <translation>很不满意</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Very satisfied</source>
        <translation>很满意</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Review thresholds</source>
        <translation>评审阈值</translation>
    </message>
    <message>
        <source>When a contract needs a meeting review (quantity and delivery thresholds) and the review&apos;s time limits: departments sign within so many working days, the customer is answered within so many hours.</source>
        <translation>合同何时须会议评审（数量和交期阈值），以及评审时限：各部门须在多少个工作日内会签，须在多少小时内答复客户。</translation>
    </message>
    <message>
        <source>Edit review rules…</source>
        <translation>编辑评审规则…</translation>
    </message>
    <message>
        <source>Holiday calendar</source>
        <translation>节假日日历</translation>
    </message>
    <message>
        <source>Public holidays, make-up working days and company holidays: due times count working days on this calendar. The official schedule for each year ships with reqdesk; add your company&apos;s own days here.</source>
        <translation>法定节假日、调休上班日和公司自定假日：到期时间按此日历计算工作日。每年的官方安排随 reqdesk 提供；公司自己的假日在此添加。</translation>
    </message>
    <message>
        <source>Edit holiday calendar…</source>
        <translation>编辑节假日日历…</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Service levels</source>
        <translation>服务时限</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up reqdesk</source>
        <translation>初始化 reqdesk</translation>
    </message>
    <message>
        <source>Set up</source>
        <translation>完成设置</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <source>Your sign-in password</source>
        <translation>您的登录密码</translation>
    </message>
    <message>
        <source>Decision *</source>
        <translation>评审意见 *</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Reason for the correction *</source>
        <translation>更正理由 *</translation>
    </message>
    <message>
        <source>Password *</source>
        <translation>密码 *</translation>
    </message>
    <message>
        <source>Typing your password signs this decision electronically under your name. A signature is never changed; a correction is a new signature with a reason.</source>
        <translation>输入密码即以您的名义对该意见进行电子签名。签名不可更改；如需更正，须另行签署并说明理由。</translation>
    </message>
    <message>
        <source>Required: why, and what is needed</source>
        <translation>必填：原因及所需条件</translation>
    </message>
</context>
<context>
    <name>SignOffKind</name>
    <message>
        <source>Department sign-off</source>
        <translation>部门会签</translation>
    </message>
    <message>
        <source>General manager (meeting review)</source>
        <translation>总经理（会议评审）</translation>
    </message>
    <message>
        <source>General manager&apos;s arbitration</source>
        <translation>总经理裁定</translation>
    </message>
    <message>
        <source>Signature of a changed clause</source>
        <translation>变更条款签署</translation>
    </message>
</context>
<context>
    <name>Signature</name>
    <message>
        <source>I, {signer}, general manager, rule on contract review {number}: {decision}.</source>
        <translation>本人{signer}以总经理身份对合同评审 {number} 作出裁定：{decision}。</translation>
    </message>
    <message>
        <source>I, {signer}, sign for {department} in contract review {number}, round {round}: {decision}.</source>
        <translation>本人{signer}代表{department}签署合同评审 {number}（第 {round} 轮）：{decision}。</translation>
    </message>
    <message>
        <source>I, {signer}, general manager, sign contract review {number}, round {round}, at the meeting review: {decision}.</source>
        <translation>本人{signer}以总经理身份在会议评审中签署合同评审 {number}（第 {round} 轮）：{decision}。</translation>
    </message>
    <message>
        <source>I, {signer}, correct the sign-off of {when} in contract review {number}, round {round}, for {department}: {decision}.</source>
        <translation>本人{signer}更正{department}于 {when} 对合同评审 {number}（第 {round} 轮）的签署：{decision}。</translation>
    </message>
    <message>
        <source>the GM</source>
        <translation>总经理</translation>
    </message>
    <message>
        <source>I, {signer}, sign for the company the changed clause of contract review {number}; {signatory} signed it for the customer: {clause}</source>
        <translation>本人{signer}代表公司签署合同评审 {number} 的变更条款；客户方由{signatory}签字：{clause}</translation>
    </message>
</context>
<context>
    <name>SlaPage</name>
    <message>
        <source>How soon each requirement must be answered, by urgency: clock hours count round the clock; working days end at the end of the working day and skip weekends and holidays.</source>
        <translation>按紧急程度规定每项需求的答复时限：小时按自然小时连续计算；工作日计到当天下班时间，并跳过周末和节假日。</translation>
    </message>
    <message>
        <source>{urgency}: first response</source>
        <translation>{urgency}：首次响应</translation>
    </message>
    <message>
        <source>{urgency}: resolution plan</source>
        <translation>{urgency}：处理方案</translation>
    </message>
    <message>
        <source>The working day ends at</source>
        <translation>下班时间</translation>
    </message>
    <message>
        <source>New targets apply to requirements registered from now on, and to a registration whose received time, urgency or expected date is edited. Due times already given stay as they were.</source>
        <translation>新时限适用于此后登记的需求，以及修改了受理时间、紧急程度或期望完成日期的登记。已给出的到期时间保持不变。</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>没有任何修改。</translation>
    </message>
    <message>
        <source>Saved. Requirements registered from now on get the new due times.</source>
        <translation>已保存。此后登记的需求按新时限计算到期时间。</translation>
    </message>
</context>
<context>
    <name>Stage</name>
    <message>
        <source>Registered</source>
        <translation>已登记</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>已分派</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>评审中</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Responded</source>
        <translation>已答复</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已回访</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>StageDialog</name>
    <message>
        <source>Change stage</source>
        <translation>变更阶段</translation>
    </message>
    <message>
        <source>New stage *</source>
        <translation>新阶段 *</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>You cannot move this requirement now.</source>
        <translation>您目前不能变更此需求的阶段。</translation>
    </message>
    <message>
        <source>Required: say why</source>
        <translation>必填：请说明原因</translation>
    </message>
    <message>
        <source>This move needs a note saying why.</source>
        <translation>此项变更须填写说明，写明原因。</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>Every change of stage is kept in the timeline.</source>
        <translation>每次阶段变更都记入时间线。</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>{file} is a backup; reqdesk may delete it when it rotates backups. Restore it instead, or copy it out of the backups folder first.</source>
        <translation>{file} 是一个备份，reqdesk 轮换备份时可能会删除它。请改用“恢复”，或先把它复制到备份文件夹之外。</translation>
    </message>
    <message>
        <source>Open a reqdesk database</source>
        <translation>打开 reqdesk 数据库</translation>
    </message>
    <message>
        <source>reqdesk databases (*.db);;All files (*)</source>
        <translation>reqdesk 数据库 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The backup folder {folder} cannot be used: {reason}

Today&apos;s backup went to {default} instead. Choose another folder in Tools → Settings → Backups.</source>
        <translation>无法使用备份文件夹 {folder}：{reason}

今天的备份已改存到 {default}。请在“工具 → 设置 → 备份”中另选文件夹。</translation>
    </message>
    <message>
        <source>Today&apos;s backup: {file}</source>
        <translation>今日备份：{file}</translation>
    </message>
    <message>
        <source>Today&apos;s automatic backup failed: {reason}

Your work is still saved. Run Tools → Check database; if it reports damage, restore a backup (Tools → Backups).</source>
        <translation>今天的自动备份失败：{reason}

您的工作仍已保存。请运行“工具 → 检查数据库”；如果报告损坏，请恢复备份（工具 → 备份）。</translation>
    </message>
</context>
<context>
    <name>StartupProblemBox</name>
    <message>
        <source>&amp;Restore the backup of {time}</source>
        <translation>恢复 {time} 的备份(&amp;R)</translation>
    </message>
    <message>
        <source>Backup file: {file}</source>
        <translation>备份文件：{file}</translation>
    </message>
    <message>
        <source>There is no good backup of this database.</source>
        <translation>此数据库没有完好的备份。</translation>
    </message>
    <message>
        <source>The backup folder {folder} cannot be reached (a disconnected drive or share?): the backups in it could not be looked at.</source>
        <translation>无法访问备份文件夹 {folder}（驱动器或共享已断开？），无法查看其中的备份。</translation>
    </message>
    <message>
        <source>&amp;Open another file…</source>
        <translation>打开其他文件(&amp;O)…</translation>
    </message>
    <message>
        <source>Use the &amp;default database</source>
        <translation>使用默认数据库(&amp;D)</translation>
    </message>
    <message>
        <source>Forget the database chosen in Settings and open this PC&apos;s own file</source>
        <translation>放弃在设置中选定的数据库，打开本机自己的数据库文件</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Work saved after {time} is not in this backup and must be entered again. The damaged file is kept in the backups folder. Restore the backup?</source>
        <translation>{time} 之后保存的工作不在此备份中，需要重新录入。损坏的文件会保留在备份文件夹中。要恢复此备份吗？</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>Sync packages (*.reqsync)</source>
        <translation>同步包 (*.reqsync)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Sync with other sites — this is site {site}</source>
        <translation>与其他站点同步 — 本站点：{site}</translation>
    </message>
    <message>
        <source>Sites exchanged with</source>
        <translation>已交换过的站点</translation>
    </message>
    <message>
        <source>&amp;Packages</source>
        <translation>同步包(&amp;P)</translation>
    </message>
    <message>
        <source>Conflicts ({n})</source>
        <translation>冲突（{n}）</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
</context>
<context>
    <name>SyncLabels</name>
    <message>
        <source>Customer files</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Relationship log</source>
        <translation>关系维护记录</translation>
    </message>
    <message>
        <source>Past transactions</source>
        <translation>以往交易记录</translation>
    </message>
    <message>
        <source>Requirements</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Requirement history</source>
        <translation>需求处理记录</translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation>需求评估</translation>
    </message>
    <message>
        <source>Processing plans</source>
        <translation>处理计划</translation>
    </message>
    <message>
        <source>Responses</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>Return visits</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>评审</translation>
    </message>
    <message>
        <source>Review rounds</source>
        <translation>评审轮次</translation>
    </message>
    <message>
        <source>Review departments</source>
        <translation>评审部门</translation>
    </message>
    <message>
        <source>Sign-offs</source>
        <translation>会签</translation>
    </message>
    <message>
        <source>Negotiations</source>
        <translation>协商记录</translation>
    </message>
    <message>
        <source>Amendments</source>
        <translation>修订</translation>
    </message>
    <message>
        <source>Amendment notices</source>
        <translation>修订通知</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Deletions</source>
        <translation>删除记录</translation>
    </message>
    <message>
        <source>Audit log entries</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>所属行业</translation>
    </message>
    <message>
        <source>Credit grade</source>
        <translation>信用等级</translation>
    </message>
    <message>
        <source>Customer class</source>
        <translation>客户类别</translation>
    </message>
    <message>
        <source>Custodian</source>
        <translation>管理人</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>审批状态</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Nature</source>
        <translation>性质</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Received at</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <source>Expected date</source>
        <translation>期望日期</translation>
    </message>
    <message>
        <source>Contract no.</source>
        <translation>合同编号</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Product name</source>
        <translation>产品名称</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Delivery date</source>
        <translation>交付日期</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Contact date</source>
        <translation>联系日期</translation>
    </message>
    <message>
        <source>Created at</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Qualifications</source>
        <translation>法人资质</translation>
    </message>
    <message>
        <source>Credit note</source>
        <translation>信用说明</translation>
    </message>
    <message>
        <source>Production process</source>
        <translation>生产工艺</translation>
    </message>
    <message>
        <source>Production scale</source>
        <translation>生产规模</translation>
    </message>
    <message>
        <source>Raw materials</source>
        <translation>使用原料</translation>
    </message>
    <message>
        <source>Production investment</source>
        <translation>企业生产投资</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>Approved at</source>
        <translation>审批时间</translation>
    </message>
    <message>
        <source>Approval note</source>
        <translation>审批意见</translation>
    </message>
    <message>
        <source>Primary contact</source>
        <translation>主要联系人</translation>
    </message>
    <message>
        <source>Walk-in contact</source>
        <translation>散客</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>受理人</translation>
    </message>
    <message>
        <source>Category detail</source>
        <translation>需求细类</translation>
    </message>
    <message>
        <source>Special contract</source>
        <translation>特殊合同</translation>
    </message>
    <message>
        <source>First response due</source>
        <translation>首次响应时限</translation>
    </message>
    <message>
        <source>First response at</source>
        <translation>首次响应时间</translation>
    </message>
    <message>
        <source>Plan due</source>
        <translation>计划时限</translation>
    </message>
    <message>
        <source>Resolution due</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Resolved at</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Closed at</source>
        <translation>关闭时间</translation>
    </message>
    <message>
        <source>Merged into</source>
        <translation>合并到</translation>
    </message>
    <message>
        <source>Specification / model</source>
        <translation>规格型号</translation>
    </message>
    <message>
        <source>Drawing no.</source>
        <translation>图号</translation>
    </message>
    <message>
        <source>Quality requirements</source>
        <translation>质量要求</translation>
    </message>
    <message>
        <source>Delivery place</source>
        <translation>交货地点</translation>
    </message>
    <message>
        <source>Delivery method</source>
        <translation>交付方式</translation>
    </message>
    <message>
        <source>Acceptance standard</source>
        <translation>验收标准</translation>
    </message>
    <message>
        <source>Settlement terms</source>
        <translation>结算方式</translation>
    </message>
    <message>
        <source>Contract type</source>
        <translation>合同类型</translation>
    </message>
    <message>
        <source>Contract date</source>
        <translation>合同日期</translation>
    </message>
    <message>
        <source>Visit date</source>
        <translation>回访日期</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>进度安排</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>承诺</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>会签结论</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>附加条件</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>评审</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>TargetEdit</name>
    <message>
        <source>clock hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>working days</source>
        <translation>个工作日</translation>
    </message>
    <message>
        <source>no plan step</source>
        <translation>无需方案</translation>
    </message>
</context>
<context>
    <name>TaskList</name>
    <message>
        <source>To do</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>评审</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Sign for your department</source>
        <translation>代表本部门签署</translation>
    </message>
    <message>
        <source>Sign the meeting review</source>
        <translation>签署会议评审</translation>
    </message>
    <message>
        <source>Conclude</source>
        <translation>作出结论</translation>
    </message>
    <message>
        <source>Negotiate with the customer</source>
        <translation>与客户协商</translation>
    </message>
    <message>
        <source>Arbitrate</source>
        <translation>裁定</translation>
    </message>
    <message>
        <source>Answer the customer</source>
        <translation>答复客户</translation>
    </message>
    <message>
        <source>Read the amendment notice</source>
        <translation>阅读修订通知</translation>
    </message>
</context>
<context>
    <name>TransactionDialog</name>
    <message>
        <source>Transaction</source>
        <translation>交易记录</translation>
    </message>
    <message>
        <source>Contract no.</source>
        <translation>合同编号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>合同日期</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
</context>
<context>
    <name>TransactionsSection</name>
    <message>
        <source>Contract no.</source>
        <translation>合同编号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>合同日期</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Delete contract {no}?</source>
        <translation>删除合同 {no}？</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>以往交易记录</translation>
    </message>
</context>
<context>
    <name>Urgency</name>
    <message>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>Important</source>
        <translation>重要</translation>
    </message>
    <message>
        <source>General</source>
        <translation>一般</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>New user</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <source>Edit user</source>
        <translation>编辑用户</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Initial password</source>
        <translation>初始密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>The user chooses their own password at the first sign-in.</source>
        <translation>用户首次登录时须设置自己的密码。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>A user name cannot be changed.</source>
        <translation>用户名不能修改。</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Filter by user name, name, department or role (Ctrl+F)</source>
        <translation>按用户名、姓名、部门或角色筛选（Ctrl+F）</translation>
    </message>
    <message>
        <source>&amp;New user…</source>
        <translation>新建用户(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation>重置密码(&amp;R)…</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>登录状态</translation>
    </message>
    <message>
        <source>locked until {time}</source>
        <translation>锁定至 {time}</translation>
    </message>
    <message>
        <source>must change password</source>
        <translation>须修改密码</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>{shown} of {total} users</source>
        <translation>显示 {shown} 个，共 {total} 个用户</translation>
    </message>
    <message>
        <source>Ena&amp;ble</source>
        <translation>启用(&amp;B)</translation>
    </message>
</context>
<context>
    <name>WeeklyLedger</name>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>需求内容</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Department / person</source>
        <translation>责任部门 / 责任人</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>First response due / given</source>
        <translation>首次答复（应/实）</translation>
    </message>
    <message>
        <source>Resolution due / done</source>
        <translation>完成（应/实）</translation>
    </message>
    <message>
        <source>Days open</source>
        <translation>已处理天数</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>No requirement was open.</source>
        <translation>本周没有处理中的需求。</translation>
    </message>
    <message>
        <source>{week}: {first} to {last}</source>
        <translation>{week}：{first} 至 {last}</translation>
    </message>
    <message>
        <source>Weekly tracking ledger – {week}</source>
        <translation>每周跟踪台账 {week}</translation>
    </message>
    <message>
        <source>Figures at the end of the week.</source>
        <translation>统计截至本周末。</translation>
    </message>
    <message>
        <source>The week is under way: figures as of {time}.</source>
        <translation>本周尚未结束：统计截至 {time}。</translation>
    </message>
    <message>
        <source>Weekly tracking ledger</source>
        <translation>客户需求每周跟踪台账</translation>
    </message>
    <message>
        <source>{rows} requirements were open at some time in the week; {overdue} of them, marked ● Overdue and shaded, were overdue at its end (a first response or the resolution due and not done). Stage: the stage at printing. Merged and cancelled requirements are listed but not counted.</source>
        <translation>本周内曾处于处理中的需求共 {rows} 项；其中 {overdue} 项在周末已逾期（首次答复或完成已到期而未完成），以“● 逾期”标出并加底色。阶段为打印时的阶段。已合并和已取消的需求列出但不计入统计。</translation>
    </message>
    <message>
        <source>Requirements listed</source>
        <translation>台账所列需求数</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to reqdesk</source>
        <translation>欢迎使用 reqdesk</translation>
    </message>
    <message>
        <source>This database is new. Set it up for your company, or try reqdesk first with an invented demo company.</source>
        <translation>这是一个新数据库。请为贵公司进行设置，或先用一家虚构的演示公司试用 reqdesk。</translation>
    </message>
    <message>
        <source>Set up my company</source>
        <translation>设置我的公司</translation>
    </message>
    <message>
        <source>Try reqdesk with demo data</source>
        <translation>使用演示数据试用</translation>
    </message>
</context>
</TS>
